package org.sketchfind.app.kit;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs requests on a background executor where only the latest one counts: a newer request cancels a queued older
 * one and makes the result of a running older one be ignored. Results and errors arrive on the FX thread.
 * Call from the FX thread.
 */
public final class LatestWins<T> {
    private final ExecutorService executor;
    private long generation;
    private Future<?> pending;

    public LatestWins(ExecutorService executor) {
        this.executor = executor;
    }

    public void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        long mine = invalidate();
        if (executor.isShutdown()) {
            return; // the app is closing: a late request (a debounced search, say) has nobody to answer
        }
        try {
            pending = executor.submit(() -> run(mine, work, onResult, onError));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            pending = null;
        }
    }

    private void run(long mine, Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            Platform.runLater(() -> {
                if (mine == generation) {
                    onError.accept(t);
                }
            });
            return;
        }
        Platform.runLater(() -> {
            if (mine == generation) {
                onResult.accept(result);
            }
        });
    }

    /** Forgets every request made so far (their results will be ignored); returns the new generation. */
    public long invalidate() {
        if (pending != null) {
            pending.cancel(false);
        }
        return ++generation;
    }
}
