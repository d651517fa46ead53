package org.sketchfind.app.results;

import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.awt.Desktop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * "Show in folder": asks the desktop to open the photo's folder (selecting the file where the platform can), in
 * the background, and reports what happened: opened, or failed with the reason; where no desktop integration exists
 * (headless, some Linux desktops) it copies the path instead.
 */
public final class FolderReveal {
    public enum Outcome { OPENING, COPIED }

    /** How the desktop is asked (tests substitute a failing one). */
    @FunctionalInterface
    public interface Opener {
        void open(Path photo) throws Exception;
    }

    private FolderReveal() {
    }

    /** The platform's desktop, or null when there is none that can open a folder. */
    public static Opener desktop() {
        if (!Desktop.isDesktopSupported()) {
            return null;
        }
        Desktop d = Desktop.getDesktop();
        if (d.isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
            return photo -> d.browseFileDirectory(photo.toFile());
        }
        if (d.isSupported(Desktop.Action.OPEN)) {
            return photo -> d.open(photo.getParent().toFile());
        }
        return null;
    }

    /**
     * Call on the FX thread. With no desktop copies the path and returns COPIED; otherwise opens the folder in the
     * background and returns OPENING, then calls {@code onResult} on the FX thread with null when the desktop took
     * the request, or with the reason it failed.
     */
    public static Outcome reveal(Path photo, Opener opener, Consumer<String> onResult) {
        if (opener == null) {
            copyPath(photo);
            return Outcome.COPIED;
        }
        Thread t = new Thread(() -> {
            String error = null;
            try {
                if (photo.getParent() == null || !Files.isDirectory(photo.getParent())) {
                    throw new java.io.FileNotFoundException("the folder " + photo.getParent() + " no longer exists");
                }
                opener.open(photo);
            } catch (Exception e) {
                error = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                        : e.getMessage();
            }
            String result = error;
            Platform.runLater(() -> onResult.accept(result));
        }, "sketchfind-reveal");
        t.setDaemon(true);
        t.start();
        return Outcome.OPENING;
    }

    public static void copyPath(Path photo) {
        ClipboardContent c = new ClipboardContent();
        c.putString(photo.toString());
        Clipboard.getSystemClipboard().setContent(c);
    }
}
