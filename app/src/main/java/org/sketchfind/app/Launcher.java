package org.sketchfind.app;

/**
 * Main class of the desktop app. It does not extend {@code Application}: JavaFX started from the class path
 * needs a separate launcher class.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(SketchfindApp.class, args);
    }
}
