package org.sketchfind.engine.job;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for long work that ran on another thread, with its failure rethrown as the work threw it. */
public final class Completion {
    private Completion() {
    }

    /**
     * The result of {@code future}. A failure is rethrown as it was thrown: an {@link IOException} or an unchecked
     * exception as such (a {@link java.util.concurrent.CancellationException} for cancelled work that has no
     * result), any other checked exception wrapped in an IOException with its message.
     */
    public static <T> T await(Future<T> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c.getMessage(), c);
        }
    }
}
