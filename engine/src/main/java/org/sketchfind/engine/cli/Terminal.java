package org.sketchfind.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal, so that redrawn progress bars ({@code \r}, escape codes) go only there; a log file
 * or a pipe gets plain lines. Java 17 cannot ask isatty(2) directly: on Linux {@code /proc/self/fd/2} names the
 * device, elsewhere the console (stdin and stdout on a terminal) stands in. {@code SKETCHFIND_PROGRESS=plain} or
 * {@code TERM=dumb} turn redrawing off.
 */
final class Terminal {
    private static final boolean STDERR = detect();

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        return STDERR;
    }

    private static boolean detect() {
        if ("plain".equalsIgnoreCase(System.getenv("SKETCHFIND_PROGRESS")) || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
