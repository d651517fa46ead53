package org.sketchfind.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The app's command line: {@code --data-dir DIR} (or {@code --data-dir=DIR}) chooses the catalogue's folder,
 * {@code --demo} starts in demo mode (full screen, attract loop, nothing that changes the collection or the
 * models), {@code --help} prints the usage; everything else goes to JavaFX.
 *
 * @param dataDir the chosen data folder, or null
 * @param help    whether usage was asked for
 * @param demo    whether to start in demo mode
 * @param rest    the remaining arguments
 */
public record LaunchOptions(String dataDir, boolean help, boolean demo, List<String> rest) {
    public static final String USAGE = "Usage: sketchfind-app [--data-dir DIR] [--demo]\n"
            + "  --data-dir DIR  keep the photo catalogue in DIR instead of the per-user data folder\n"
            + "  --demo          start in demo mode: full screen, a large canvas, an attract loop after a minute\n"
            + "                  without input; the collection and the models cannot be changed";

    /** System property that carries {@code --demo} from the launcher to the app. */
    public static final String DEMO_PROPERTY = "sketchfind.demo";

    public LaunchOptions(String dataDir, boolean help, List<String> rest) {
        this(dataDir, help, false, rest);
    }

    /** @throws IllegalArgumentException with a one-line message on a bad command line */
    public static LaunchOptions parse(String[] args) {
        String dataDir = null;
        boolean help = false;
        boolean demo = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--data-dir needs a folder");
                }
                dataDir = args[++i];
            } else if (a.startsWith("--data-dir=")) {
                dataDir = a.substring("--data-dir=".length());
                if (dataDir.isBlank()) {
                    throw new IllegalArgumentException("--data-dir needs a folder");
                }
            } else if (a.equals("--demo")) {
                demo = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                help = true;
            } else {
                rest.add(a);
            }
        }
        return new LaunchOptions(dataDir, help, demo, List.copyOf(rest));
    }
}
