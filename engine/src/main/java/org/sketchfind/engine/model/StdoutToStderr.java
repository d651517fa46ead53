package org.sketchfind.engine.model;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs a piece of ND4J work with {@code System.out} pointed at {@code System.err}. SameDiff 1.0.0-M2.1 prints one
 * "Added differentiated op …" line per op on standard output when it first builds a gradient function, which would
 * break the command line's contract that {@code --json} output is exactly one JSON object on stdout.
 */
public final class StdoutToStderr {
    private StdoutToStderr() {
    }

    public static synchronized <T> T call(Supplier<T> work) {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return work.get();
        } finally {
            System.setOut(out);
        }
    }
}
