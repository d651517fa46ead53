package org.sketchfind.engine.index;

import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.job.Completion;

import java.util.concurrent.CompletableFuture;

/**
 * A running (or queued) scan: its {@link CancellationToken} (pause, resume, cancel) and its result. Cancelling keeps
 * every batch already committed; the next scan goes on from there. Thread-safe.
 */
public final class ScanHandle {
    private final CompletableFuture<ScanResult> future = new CompletableFuture<>();
    private final CancellationToken token;

    public ScanHandle() {
        this(new CancellationToken());
    }

    /** A scan that stops on {@code token} (the facade's job holds the same token). */
    public ScanHandle(CancellationToken token) {
        this.token = token;
    }

    public CancellationToken token() {
        return token;
    }

    public void pause() {
        token.pause();
    }

    public void resume() {
        token.resume();
    }

    /** Requests cancellation: the scan stops before its next batch (a paused scan stops at once). */
    public void cancel() {
        token.cancel();
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    public boolean isPaused() {
        return token.isPaused();
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** Completes when the scan ends: with its result, or exceptionally if the catalogue failed. */
    public CompletableFuture<ScanResult> future() {
        return future;
    }

    /** Waits for the end of the scan (a failure rethrown as the scan threw it: {@link Completion#await}). */
    public ScanResult await() throws InterruptedException, java.io.IOException {
        return Completion.await(future);
    }

    /** Blocks the calling (indexer) thread while paused; returns false if cancelled. */
    boolean checkpoint() throws InterruptedException {
        return token.checkpoint();
    }

    long pausedNanos() {
        return token.pausedNanos();
    }
}
