package org.sketchfind.engine;

import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.job.Completion;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Long engine work (indexing, feature caching, training, evaluation, paper tables, t-SNE, loading a model) running
 * on an engine-owned thread: the one handle the app and the command line hold. Progress arrives through the
 * {@link JobListener} given when the job started (on the engine's thread); {@link #cancel()} stops it at its next
 * safe point; {@link #pause()} and {@link #resume()} hold it where that means something ({@link #pausable()}:
 * indexing between batches, training between steps); completion is {@link #future()}.
 *
 * <p>How a cancelled job ends: indexing and training complete normally with a result that says so (a scan keeps
 * its committed batches; a training run writes a checkpoint that {@code resume} continues from); the others
 * complete exceptionally with a {@link CancellationException}. Cancelling the future cancels the job. Thread-safe.
 *
 * @param <R> what the job produces
 */
public final class Job<R> {
    private final String name;
    private final CancellationToken token;
    private final boolean pausable;
    private final CompletableFuture<R> future;

    Job(String name, CancellationToken token, boolean pausable, CompletableFuture<R> future) {
        this.name = Objects.requireNonNull(name);
        this.token = Objects.requireNonNull(token);
        this.pausable = pausable;
        this.future = Objects.requireNonNull(future);
        future.whenComplete((r, t) -> {
            if (t instanceof CancellationException) {
                token.cancel();
            }
        });
    }

    /** What the job does, in words (e.g. "index /home/me/Pictures"). */
    public String name() {
        return name;
    }

    /** Whether {@link #pause()} holds this job (indexing, training); for the others it does nothing. */
    public boolean pausable() {
        return pausable;
    }

    /** Holds a pausable job at its next safe point until {@link #resume()} or {@link #cancel()}. */
    public void pause() {
        if (pausable) {
            token.pause();
        }
    }

    public void resume() {
        token.resume();
    }

    /** Asks the job to stop at its next safe point (a paused job stops at once). */
    public void cancel() {
        token.cancel();
    }

    public boolean isPaused() {
        return token.isPaused();
    }

    public boolean isCancelRequested() {
        return token.isCancelled();
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** Completes with the result, or exceptionally with what stopped the job. */
    public CompletableFuture<R> future() {
        return future;
    }

    /**
     * Waits for the result. A failure is rethrown as it was thrown in the job: an {@link IOException} or an
     * unchecked exception as such (a {@link CancellationException} for a cancelled job that has no result), any
     * other checked exception wrapped in an IOException.
     */
    public R await() throws IOException, InterruptedException {
        return Completion.await(future);
    }

    /** The token the engine's work stops on (package-private: the outside world uses the methods above). */
    CancellationToken token() {
        return token;
    }

    @Override
    public String toString() {
        return "Job[" + name + (isDone() ? ", done" : isPaused() ? ", paused" : "") + "]";
    }
}
