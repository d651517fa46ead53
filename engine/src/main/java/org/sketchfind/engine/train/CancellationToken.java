package org.sketchfind.engine.train;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation: the trainer checks it before every step, saves a checkpoint and returns. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
