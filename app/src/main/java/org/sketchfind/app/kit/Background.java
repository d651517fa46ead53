package org.sketchfind.app.kit;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A daemon thread for short blocking calls into the engine (catalogue reads, registering a folder), so the FX
 * thread never waits on them. Results and errors come back on the FX thread.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor;

    public Background(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Runs {@code work} in the background; ignored once closed (the app is shutting down). */
    public <T> void call(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        if (executor.isShutdown()) {
            return;
        }
        try {
            execute(work, onResult, onError);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // shutting down
        }
    }

    private <T> void execute(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        executor.execute(() -> {
            try {
                T r = work.call();
                Platform.runLater(() -> onResult.accept(r));
            } catch (Throwable t) {
                Platform.runLater(() -> onError.accept(t));
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
