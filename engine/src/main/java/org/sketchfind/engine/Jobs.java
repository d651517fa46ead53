package org.sketchfind.engine;

import org.sketchfind.engine.job.CancellationToken;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facade's executor: every {@link Job} starts here, on a daemon thread of the engine named
 * {@code sketchfind-job-N}, never on the caller's thread. Scans continue on the indexer's own thread.
 */
final class Jobs implements AutoCloseable {
    /** Work that stops on its token. */
    interface Work<R> {
        R run(CancellationToken token) throws Exception;
    }

    /** Work that starts something asynchronous (a scan on the indexer's thread) and returns its future. */
    interface AsyncWork<R> {
        CompletableFuture<R> start(CancellationToken token) throws Exception;
    }

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sketchfind-job-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    <R> Job<R> start(String name, boolean pausable, Work<R> work) {
        return startAsync(name, pausable, token -> CompletableFuture.completedFuture(work.run(token)));
    }

    <R> Job<R> startAsync(String name, boolean pausable, AsyncWork<R> work) {
        CancellationToken token = new CancellationToken();
        CompletableFuture<R> future = new CompletableFuture<>();
        Job<R> job = new Job<>(name, token, pausable, future);
        pool.execute(() -> {
            try {
                work.start(token).whenComplete((r, t) -> {
                    if (t != null) {
                        future.completeExceptionally(t instanceof java.util.concurrent.CompletionException
                                && t.getCause() != null ? t.getCause() : t);
                    } else {
                        future.complete(r);
                    }
                });
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return job;
    }

    /** Lets running jobs finish (their threads are daemons: they do not hold the process). */
    @Override
    public void close() {
        pool.shutdown();
    }
}
