package org.sketchfind.app.kit;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Failures as a person reads them: the cause a job's future wraps, and its message (or its kind when it has none). */
public final class Errors {
    private Errors() {
    }

    /** What really went wrong: the cause of a CompletionException or ExecutionException. */
    public static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** The cause's message, or its class name when it has none. */
    public static String message(Throwable t) {
        Throwable c = cause(t);
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }

    /** Whether the job was cancelled (it ended with a CancellationException). */
    public static boolean cancelled(Throwable t) {
        return cause(t) instanceof java.util.concurrent.CancellationException;
    }
}
