package org.sketchfind.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the desktop app needs from the system before JavaFX starts, checked so that a missing piece is one line that
 * says what to install instead of JavaFX's stack trace ("Unable to load glass GTK library"). On Linux JavaFX needs an
 * X display (DISPLAY; Wayland sessions provide one through XWayland) and GTK 3 ({@code libgtk-3.so.0}). Windows and
 * macOS bring what JavaFX needs. Uses the JDK only: {@code ./sketchfind-app} also runs this file on its own
 * ({@code java DesktopCheck.java}) before it spends half a minute building the app.
 */
public final class DesktopCheck {
    /** The library JavaFX's GTK glass loads. */
    static final String GTK3 = "libgtk-3.so.0";

    private DesktopCheck() {
    }

    /** Exit 0 if the app can open a window here, else 1 with the one-line reason on stderr. */
    public static void main(String[] args) {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            System.err.println("sketchfind-app: " + problem.get());
            System.exit(1);
        }
    }

    /** Why the app cannot open a window on this machine, or empty if it can (or the check does not apply). */
    public static Optional<String> problem() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                || Boolean.getBoolean("sketchfind.skipDesktopCheck")) {
            return Optional.empty(); // headless JavaFX (tests) needs neither a display nor GTK
        }
        return problem(System.getProperty("os.name", ""), System.getenv(), DesktopCheck::libraryPresent);
    }

    /** The rule itself, for any OS, environment and library lookup (tests call it directly). */
    static Optional<String> problem(String osName, Map<String, String> env, Predicate<String> library) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        if (isBlank(env.get("DISPLAY"))) {
            return Optional.of("cannot open a window: no display (DISPLAY is not set). Start it in a desktop session,"
                    + " or under a virtual display: xvfb-run -a sketchfind-app");
        }
        if (!library.test(GTK3)) {
            return Optional.of("cannot open a window: the desktop library GTK 3 (" + GTK3 + ") is missing. Install"
                    + " it: sudo apt-get install libgtk-3-0 (Debian, Ubuntu), sudo dnf install gtk3 (Fedora),"
                    + " sudo pacman -S gtk3 (Arch)");
        }
        return Optional.empty();
    }

    /**
     * Whether the dynamic linker can find {@code name}: in LD_LIBRARY_PATH, in the linker's cache
     * ({@code /etc/ld.so.cache} lists every library it knows by name) or in the usual library folders.
     */
    static boolean libraryPresent(String name) {
        List<Path> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (!isBlank(ld)) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        String arch = System.getProperty("os.arch", "");
        String triplet = (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch) + "-linux-gnu";
        for (String d : List.of("/usr/lib/" + triplet, "/lib/" + triplet, "/usr/lib64", "/lib64", "/usr/lib",
                "/lib", "/usr/local/lib")) {
            dirs.add(Path.of(d));
        }
        for (Path d : dirs) {
            if (Files.exists(d.resolve(name))) {
                return true;
            }
        }
        return cacheMentions(Path.of("/etc/ld.so.cache"), name);
    }

    static boolean cacheMentions(Path cache, String name) {
        try {
            return new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1).contains(name + "\0");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
