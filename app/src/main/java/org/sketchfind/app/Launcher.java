package org.sketchfind.app;

/**
 * Main class of the desktop app. It does not extend {@code Application}: JavaFX started from the class path
 * needs a separate launcher class. Options: see {@link LaunchOptions}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sketchfind-app: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        var problem = DesktopCheck.problem(); // before JavaFX: one line that says what to install, no stack trace
        if (problem.isPresent()) {
            System.err.println("sketchfind-app: " + problem.get());
            System.exit(1);
            return;
        }
        if (options.dataDir() != null) {
            System.setProperty(AppPaths.DATA_DIR_PROPERTY, options.dataDir());
        }
        ReadyProbe.startIfAsked(); // only for the packaging check (-Dsketchfind.readyFile)
        javafx.application.Application.launch(SketchfindApp.class, options.rest().toArray(String[]::new));
    }
}
