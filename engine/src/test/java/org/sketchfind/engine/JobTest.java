package org.sketchfind.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The facade's job handle on the engine's executor: a thread of its own, cancel, pause, future, failures. */
class JobTest {
    private final Jobs jobs = new Jobs();

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void runsOnAnEngineThreadAndCompletesWithItsResult() throws Exception {
        Job<String> job = jobs.start("name the thread", false, token -> Thread.currentThread().getName());
        String thread = job.await();
        assertTrue(thread.startsWith("sketchfind-job-"), thread);
        assertNotEquals(Thread.currentThread().getName(), thread);
        assertTrue(job.isDone());
        assertEquals("name the thread", job.name());
    }

    @Test
    void cancelStopsTheWorkAtItsNextSafePoint() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Job<Integer> job = jobs.start("count", false, token -> {
            started.countDown();
            while (true) {
                token.throwIfCancelled("counting");
                rounds.incrementAndGet();
                Thread.sleep(5);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        job.cancel();
        assertThrows(CancellationException.class, job::await);
        int stoppedAt = rounds.get();
        Thread.sleep(100);
        assertEquals(stoppedAt, rounds.get(), "no work after the cancel");
        assertTrue(job.isCancelRequested());
    }

    @Test
    void aPausedJobWaitsAndAPauseOfAnUnpausableJobDoesNothing() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        Job<Integer> job = jobs.start("count to 40", true, token -> {
            while (rounds.get() < 40) {
                if (!token.checkpoint()) {
                    return -1;
                }
                rounds.incrementAndGet();
                Thread.sleep(5);
            }
            return rounds.get();
        });
        job.pause();
        assertTrue(job.isPaused());
        Thread.sleep(50);
        int pausedAt = rounds.get();
        Thread.sleep(300);
        assertEquals(pausedAt, rounds.get(), "no progress while paused");
        assertTrue(pausedAt < 40);
        job.resume();
        assertEquals(40, job.await());

        Job<Integer> plain = jobs.start("not pausable", false, token -> {
            Thread.sleep(50);
            return 1;
        });
        plain.pause();
        assertFalse(plain.isPaused());
        assertEquals(1, plain.await());
    }

    @Test
    void cancellingTheFutureCancelsTheJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job<Void> job = jobs.start("wait", false, token -> {
            started.countDown();
            while (!token.isCancelled()) {
                Thread.sleep(5);
            }
            return null;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        job.future().cancel(true);
        assertTrue(job.isCancelRequested(), "the token follows the future");
    }

    @Test
    void failuresArriveAsTheyWereThrown() {
        Job<Void> io = jobs.start("fail", false, token -> {
            throw new IOException("disk full");
        });
        assertEquals("disk full", assertThrows(IOException.class, io::await).getMessage());
        Job<Void> refused = jobs.start("refuse", false, token -> {
            throw new IllegalArgumentException("bad setting");
        });
        assertEquals("bad setting", assertThrows(IllegalArgumentException.class, refused::await).getMessage());
        Job<Void> checked = jobs.start("other", false, token -> {
            throw new Exception("odd");
        });
        assertEquals("odd", assertThrows(IOException.class, checked::await).getMessage());
    }
}
