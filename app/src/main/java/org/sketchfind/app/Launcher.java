package org.sketchfind.app;

import org.sketchfind.engine.Sketchfind;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Main class of the desktop app. It does not extend {@code Application}: JavaFX started from the class path
 * needs a separate launcher class. Options: see {@link LaunchOptions}. Before JavaFX starts it checks the data
 * folder and claims its catalogue ({@link SingleInstance}): a second app on the same catalogue brings the first
 * forward instead of starting.
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
        if (options.demo()) {
            System.setProperty(LaunchOptions.DEMO_PROPERTY, "true");
        }
        claimCatalogue(options);
        ReadyProbe.startIfAsked(); // only for the packaging check (-Dsketchfind.readyFile)
        javafx.application.Application.launch(SketchfindApp.class, options.rest().toArray(String[]::new));
    }

    /** Checks the data folder and claims its catalogue for this process; exits when that cannot be. */
    static void claimCatalogue(LaunchOptions options) {
        Path dir = AppPaths.dataDirOverride() != null ? AppPaths.dataDirOverride() : Sketchfind.defaultDataDir();
        String problem = AppPaths.dataDirProblem(dir, options.dataDir() != null);
        if (problem != null) {
            System.err.println("sketchfind-app: " + problem);
            System.exit(2);
        }
        try {
            SingleInstance.Claim claim = SingleInstance.claim(dir);
            if (claim instanceof SingleInstance.Claim.Taken taken) {
                System.err.println("sketchfind-app: " + taken.message());
                System.exit(taken.broughtForward() ? 0 : 1);
            }
            SingleInstance.setCurrent(((SingleInstance.Claim.Claimed) claim).instance());
        } catch (IOException e) {
            System.err.println("sketchfind-app: cannot use the data folder " + dir + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
