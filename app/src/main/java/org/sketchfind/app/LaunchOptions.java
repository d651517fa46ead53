package org.sketchfind.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The app's command line: {@code --data-dir DIR} (or {@code --data-dir=DIR}) chooses the catalogue's folder,
 * {@code --help} prints the usage; everything else goes to JavaFX.
 *
 * @param dataDir the chosen data folder, or null
 * @param help    whether usage was asked for
 * @param rest    the remaining arguments
 */
public record LaunchOptions(String dataDir, boolean help, List<String> rest) {
    public static final String USAGE = "Usage: sketchfind-app [--data-dir DIR]\n"
            + "  --data-dir DIR  keep the photo catalogue in DIR instead of the per-user data folder";

    /** @throws IllegalArgumentException with a one-line message on a bad command line */
    public static LaunchOptions parse(String[] args) {
        String dataDir = null;
        boolean help = false;
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
            } else if (a.equals("--help") || a.equals("-h")) {
                help = true;
            } else {
                rest.add(a);
            }
        }
        return new LaunchOptions(dataDir, help, List.copyOf(rest));
    }
}
