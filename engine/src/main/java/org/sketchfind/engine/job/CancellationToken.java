package org.sketchfind.engine.job;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's one cooperative stop signal for long work (indexing, feature caching, training, evaluation, t-SNE):
 * whoever started the work may cancel it, and pause and resume it where the work has places to wait (indexing
 * between batches, training between steps). The work asks at its own safe points: {@link #isCancelled()} where it
 * can stop cleanly (training: checkpoint, then return), {@link #checkpoint()} where it may also wait while paused,
 * {@link #throwIfCancelled()} where stopping means abandoning the result. Thread-safe.
 */
public final class CancellationToken {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unpaused = lock.newCondition();
    private volatile boolean cancelled;
    private volatile boolean paused;
    private long pausedNanos;

    /** Requests cancellation; a paused worker wakes up and stops. */
    public void cancel() {
        cancelled = true;
        resume();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Asks the work to wait at its next {@link #checkpoint()} until {@link #resume()} or {@link #cancel()}. */
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

    public boolean isPaused() {
        return paused;
    }

    /**
     * A safe point of the work: blocks the calling (worker) thread while paused, then returns false if the work is
     * cancelled and should stop, true if it goes on.
     */
    public boolean checkpoint() throws InterruptedException {
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

    /**
     * {@link #checkpoint()} for work whose partial result is worthless: waits while paused, then throws
     * {@link CancellationException} (naming {@code what}) if cancelled. An interrupt counts as a cancel.
     */
    public void throwIfCancelled(String what) {
        boolean goOn;
        try {
            goOn = checkpoint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            goOn = false;
        }
        if (!goOn) {
            throw new CancellationException(what + " cancelled");
        }
    }

    /** Time spent waiting while paused, in nanoseconds (rates and ETAs leave it out). */
    public long pausedNanos() {
        lock.lock();
        try {
            return pausedNanos;
        } finally {
            lock.unlock();
        }
    }

    /** A token nobody holds: never cancelled or paused. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
