package org.sketchfind.app.kit;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The app's file and folder choosers behind one seam (the platform's dialogs; tests answer with files of their
 * own). Each returns null when the user cancels.
 */
public interface FileDialogs {
    /** A file type: a description and patterns such as {@code *.ndjson}. */
    record Filter(String description, List<String> patterns) {
        public static Filter of(String description, String... patterns) {
            return new Filter(description, List.of(patterns));
        }
    }

    Path pickFolder(Window owner, String title, Path initial);

    Path openFile(Window owner, String title, List<Filter> filters);

    Path saveFile(Window owner, String title, String suggestedName, List<Filter> filters);

    /** The platform's dialogs. */
    static FileDialogs platform() {
        return new FileDialogs() {
            private File lastFolder = new File(System.getProperty("user.home"));

            @Override
            public Path pickFolder(Window owner, String title, Path initial) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                File start = initial != null && Files.isDirectory(initial) ? initial.toFile() : lastFolder;
                if (start != null && start.isDirectory()) {
                    c.setInitialDirectory(start);
                }
                return remember(c.showDialog(owner));
            }

            @Override
            public Path openFile(Window owner, String title, List<Filter> filters) {
                FileChooser c = chooser(title, filters);
                return remember(c.showOpenDialog(owner));
            }

            @Override
            public Path saveFile(Window owner, String title, String suggestedName, List<Filter> filters) {
                FileChooser c = chooser(title, filters);
                c.setInitialFileName(suggestedName);
                return remember(c.showSaveDialog(owner));
            }

            private FileChooser chooser(String title, List<Filter> filters) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                for (Filter f : filters) {
                    c.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
                }
                if (lastFolder != null && lastFolder.isDirectory()) {
                    c.setInitialDirectory(lastFolder);
                }
                return c;
            }

            private Path remember(File f) {
                if (f == null) {
                    return null;
                }
                lastFolder = f.isDirectory() ? f : f.getParentFile();
                return f.toPath();
            }
        };
    }
}
