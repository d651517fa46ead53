package org.sketchfind.engine.index;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running (or queued) scan: pause, resume, cancel (the cancellation token), wait. Cancelling keeps every batch
 * already committed; the next scan goes on from there. Thread-safe.
 */
public final class ScanHandle {
    private final CompletableFuture<ScanResult> future = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unpaused = lock.newCondition();
    private volatile boolean cancelled;
    private volatile boolean paused;
    private long pausedNanos;

    public void pause() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            unpaused.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Requests cancellation: the scan stops before its next batch (a paused scan stops at once). */
    public void cancel() {
        cancelled = true;
        resume();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** Completes when the scan ends: with its result, or exceptionally if the catalogue failed. */
    public CompletableFuture<ScanResult> future() {
        return future;
    }

    /** Waits for the end of the scan. */
    public ScanResult await() throws InterruptedException, java.io.IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof java.io.IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new java.io.IOException(c);
        }
    }

    /** Blocks the calling (indexer) thread while paused; returns false if cancelled. */
    boolean checkpoint() throws InterruptedException {
        if (paused) {
            lock.lock();
            try {
                long t0 = System.nanoTime();
                while (paused && !cancelled) {
                    unpaused.await();
                }
                pausedNanos += System.nanoTime() - t0;
            } finally {
                lock.unlock();
            }
        }
        return !cancelled;
    }

    long pausedNanos() {
        lock.lock();
        try {
            return pausedNanos;
        } finally {
            lock.unlock();
        }
    }
}
