package org.sketchfind.app.kit;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class LatestWinsTest {
    @Test
    void aStaleResultIsIgnoredAndAQueuedRequestNeverRuns() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            LatestWins<String> latest = new LatestWins<>(ex);
            List<String> delivered = new CopyOnWriteArrayList<>();
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                latest.submit(() -> {
                    ran.add("first");
                    firstStarted.countDown();
                    release.await();
                    return "first";
                }, delivered::add, t -> delivered.add("error " + t));
                try {
                    assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                latest.submit(() -> {
                    ran.add("second");
                    return "second";
                }, delivered::add, t -> delivered.add("error " + t));
                latest.submit(() -> {
                    ran.add("third");
                    return "third";
                }, r -> {
                    delivered.add(r);
                    done.countDown();
                }, t -> delivered.add("error " + t));
                release.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("third"), delivered, "only the latest request's result arrives");
            assertEquals(List.of("first", "third"), ran, "the queued, superseded request never ran");
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void errorsArriveOnTheFxThread() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch done = new CountDownLatch(1);
            List<Object> seen = new CopyOnWriteArrayList<>();
            Platform.runLater(() -> new LatestWins<String>(ex).submit(() -> {
                throw new IllegalStateException("boom");
            }, seen::add, t -> {
                seen.add(Platform.isFxApplicationThread() + " " + t.getMessage());
                done.countDown();
            }));
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("true boom"), seen);
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void aRequestAfterTheExecutorClosedIsDroppedQuietly() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        ex.shutdown();
        List<Object> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            new LatestWins<String>(ex).submit(() -> "late", seen::add, seen::add); // a debounced search at exit
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), seen, "no result, no error, nothing thrown on the FX thread");
    }
}
