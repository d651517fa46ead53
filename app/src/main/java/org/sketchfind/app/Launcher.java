package org.sketchfind.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the desktop app. It does not extend {@code Application}: JavaFX started from the class path
 * needs a separate launcher class. Options: {@code --data-dir DIR} (the catalogue's folder; also
 * {@code -Dsketchfind.dataDir=DIR}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                if (i + 1 >= args.length) {
                    System.err.println("sketchfind-app: --data-dir needs a folder");
                    System.exit(2);
                }
                System.setProperty(AppPaths.DATA_DIR_PROPERTY, args[++i]);
            } else if (a.startsWith("--data-dir=")) {
                System.setProperty(AppPaths.DATA_DIR_PROPERTY, a.substring("--data-dir=".length()));
            } else if (a.equals("--help") || a.equals("-h")) {
                System.out.println("Usage: sketchfind-app [--data-dir DIR]");
                return;
            } else {
                rest.add(a);
            }
        }
        javafx.application.Application.launch(SketchfindApp.class, rest.toArray(String[]::new));
    }
}
