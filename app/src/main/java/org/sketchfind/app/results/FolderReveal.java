package org.sketchfind.app.results;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.awt.Desktop;
import java.nio.file.Path;

/**
 * "Show in folder": asks the desktop to open the photo's folder (selecting the file where the platform can), in
 * the background; where no desktop integration exists (headless, some Linux desktops) copies the path instead.
 */
public final class FolderReveal {
    public enum Outcome { OPENED, COPIED }

    private FolderReveal() {
    }

    /** Call on the FX thread. Returns what it did. */
    public static Outcome reveal(Path photo) {
        if (Desktop.isDesktopSupported()) {
            Desktop d = Desktop.getDesktop();
            if (d.isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
                runAwt(() -> d.browseFileDirectory(photo.toFile()));
                return Outcome.OPENED;
            }
            if (d.isSupported(Desktop.Action.OPEN) && photo.getParent() != null) {
                runAwt(() -> {
                    try {
                        d.open(photo.getParent().toFile());
                    } catch (Exception e) {
                        System.err.println("sketchfind: cannot open folder " + photo.getParent() + ": " + e);
                    }
                });
                return Outcome.OPENED;
            }
        }
        copyPath(photo);
        return Outcome.COPIED;
    }

    public static void copyPath(Path photo) {
        ClipboardContent c = new ClipboardContent();
        c.putString(photo.toString());
        Clipboard.getSystemClipboard().setContent(c);
    }

    private static void runAwt(Runnable r) {
        Thread t = new Thread(r, "sketchfind-reveal");
        t.setDaemon(true);
        t.start();
    }
}
