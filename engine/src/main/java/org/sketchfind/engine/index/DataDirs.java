package org.sketchfind.engine.index;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user data folder that holds the catalogue and its thumbnails, by the conventions of each OS:
 * Linux and other Unixes {@code $XDG_DATA_HOME/sketchfind} or {@code ~/.local/share/sketchfind};
 * Windows {@code %APPDATA%\Sketchfind}; macOS {@code ~/Library/Application Support/Sketchfind}.
 * The environment variable {@code SKETCHFIND_DATA_DIR} overrides all of them (the command line's
 * {@code --data-dir} overrides that).
 */
public final class DataDirs {
    public static final String ENV_OVERRIDE = "SKETCHFIND_DATA_DIR";

    private DataDirs() {
    }

    /** The data folder for this user on this machine. */
    public static Path defaultDataDir() {
        return resolve(System.getProperty("os.name", ""), System.getenv(),
                Paths.get(System.getProperty("user.home")));
    }

    /** The rule itself, for any OS name, environment and home folder (tests call it directly). */
    public static Path resolve(String osName, Map<String, String> env, Path home) {
        String override = env.get(ENV_OVERRIDE);
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Paths.get(appData)
                    : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Sketchfind");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Sketchfind");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) {
            return Paths.get(xdg).resolve("sketchfind");
        }
        return home.resolve(".local").resolve("share").resolve("sketchfind");
    }
}
