package org.sketchfind.app.collection;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** Asks the user for a folder; the default is the platform's directory chooser (tests substitute their own). */
@FunctionalInterface
public interface FolderPicker {
    /** Returns the chosen folder, or null if the user cancelled. */
    Path pick(Window owner);

    static FolderPicker directoryChooser() {
        return owner -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Add a photo folder");
            File home = new File(System.getProperty("user.home"));
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home);
            }
            File f = chooser.showDialog(owner);
            return f == null ? null : f.toPath();
        };
    }
}
