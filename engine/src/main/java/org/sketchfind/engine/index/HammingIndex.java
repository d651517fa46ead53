package org.sketchfind.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exhaustive Hamming search: XOR + {@link Long#bitCount} (one POPCNT) over every code, top-k kept in a single pass
 * by a {@link BucketTopK} (one bucket of rows per distance 0..M; no sort of the collection). The hot loops are
 * specialised for one word (M ≤ 64) and two words (M ≤ 128) per code.
 *
 * <p>Large collections are cut into contiguous chunks that the calling thread and up to {@code threads − 1} helpers
 * on the executor take in increasing order from a shared counter; each thread keeps its own top-k with the same
 * tie-break over the rows it saw (in increasing row order), and the merge of those few candidates orders by
 * (distance, row), so results are identical for any number of threads and any interleaving.
 *
 * <p>Order and ties: see {@link HammingSearcher}: increasing distance, then increasing row (insertion order).
 */
public final class HammingIndex implements HammingSearcher {
    /** Below this many codes per extra thread a search stays on the calling thread (fork cost ≈ tens of µs). */
    public static final int DEFAULT_MIN_ROWS_PER_TASK = 1 << 16;

    private final PackedCodes codes;
    private final int threads;
    private final int minRowsPerTask;
    private final Executor executor;

    /** Searches on all available processors, using the common fork-join pool for the extra threads. */
    public HammingIndex(PackedCodes codes) {
        this(codes, Runtime.getRuntime().availableProcessors());
    }

    public HammingIndex(PackedCodes codes, int threads) {
        this(codes, threads, DEFAULT_MIN_ROWS_PER_TASK, ForkJoinPool.commonPool());
    }

    /**
     * @param threads        most threads per query (1 = calling thread only)
     * @param minRowsPerTask fewest codes given to one thread; smaller collections use fewer threads
     * @param executor       runs the ranges other than the first (e.g. an engine-owned pool)
     */
    public HammingIndex(PackedCodes codes, int threads, int minRowsPerTask, Executor executor) {
        if (codes == null || executor == null) {
            throw new IllegalArgumentException("codes and executor are required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (minRowsPerTask < 1) {
            throw new IllegalArgumentException("minRowsPerTask must be at least 1: " + minRowsPerTask);
        }
        this.codes = codes;
        this.threads = threads;
        this.minRowsPerTask = minRowsPerTask;
        this.executor = executor;
    }

    @Override
    public int bits() {
        return codes.bits();
    }

    @Override
    public int size() {
        return codes.size();
    }

    @Override
    public String describe() {
        return "exhaustive(" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public List<Hit> nearest(long[] query, int k) {
        codes.checkCode(query, "query");
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        int n = codes.size();
        if (k == 0 || n == 0) {
            return List.of();
        }
        long[] data = codes.data();
        int words = codes.words();
        int maxD = codes.bits();
        int tasks = (int) Math.max(1, Math.min(threads, (long) n / minRowsPerTask));
        long[] merged;
        int count;
        if (tasks == 1) {
            BucketTopK top = new BucketTopK(maxD, Math.min(k, n));
            scan(data, words, query, 0, n, top);
            merged = new long[top.size()];
            count = top.drainSorted(merged, 0);
        } else {
            // Work sharing: the collection is cut into chunks handed out in increasing order by one counter, so each
            // thread still offers its rows in increasing order to its own top-k. A helper that the OS has not yet
            // scheduled when the caller runs out of chunks is called off, so a busy machine never makes the query
            // wait for it (it is then no slower than one thread).
            int chunks = (int) Math.max(tasks, Math.min(64L * tasks, n / Math.max(1, minRowsPerTask / 2)));
            AtomicInteger nextChunk = new AtomicInteger();
            int kk = Math.min(k, n);
            BucketTopK[] tops = new BucketTopK[tasks];
            AtomicBoolean[] started = new AtomicBoolean[tasks];
            @SuppressWarnings("unchecked")
            CompletableFuture<Void>[] futures = new CompletableFuture[tasks];
            for (int t = 1; t < tasks; t++) {
                BucketTopK top = tops[t] = new BucketTopK(maxD, kk);
                AtomicBoolean go = started[t] = new AtomicBoolean();
                futures[t] = CompletableFuture.runAsync(() -> {
                    if (go.compareAndSet(false, true)) {
                        scanChunks(data, words, query, n, chunks, nextChunk, top);
                    }
                }, executor);
            }
            tops[0] = new BucketTopK(maxD, kk);
            scanChunks(data, words, query, n, chunks, nextChunk, tops[0]);
            int total = tops[0].size();
            for (int t = 1; t < tasks; t++) {
                if (started[t].compareAndSet(false, true)) {
                    continue; // never started: nothing to wait for, its top-k is empty
                }
                try {
                    futures[t].join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
                total += tops[t].size();
            }
            merged = new long[total];
            int o = 0;
            for (int t = 0; t < tasks; t++) {
                if (tops[t].size() > 0) {
                    o = tops[t].drainSorted(merged, o);
                }
            }
            Arrays.sort(merged); // at most tasks × k candidates; (distance << 32 | row) orders by distance, row
            count = Math.min(k, total);
        }
        return toHits(merged, count);
    }

    @Override
    public List<Hit> withinRadius(long[] query, int radius) {
        codes.checkCode(query, "query");
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative: " + radius);
        }
        int n = codes.size();
        int words = codes.words();
        long[] data = codes.data();
        int r = Math.min(radius, codes.bits());
        int[] counts = new int[r + 1];
        // Pass 1: histogram of distances ≤ r; pass 2: place rows (in row order) at their distance's offset.
        int total = 0;
        for (int i = 0; i < n; i++) {
            int d = distance(data, i * words, words, query);
            if (d <= r) {
                counts[d]++;
                total++;
            }
        }
        int[] start = new int[r + 2];
        for (int d = 0; d <= r; d++) {
            start[d + 1] = start[d] + counts[d];
        }
        int[] rows = new int[total];
        int[] dist = new int[total];
        int found = 0;
        for (int i = 0; i < n && found < total; i++) {
            int d = distance(data, i * words, words, query);
            if (d <= r) {
                int at = start[d]++;
                rows[at] = i;
                dist[at] = d;
                found++;
            }
        }
        List<Hit> hits = new ArrayList<>(total);
        long[] ids = codes.ids();
        for (int j = 0; j < total; j++) {
            hits.add(new Hit(ids[rows[j]], dist[j], rows[j]));
        }
        return hits;
    }

    private List<Hit> toHits(long[] packed, int count) {
        long[] ids = codes.ids();
        Hit[] hits = new Hit[count];
        for (int j = 0; j < count; j++) {
            int row = (int) packed[j];
            hits[j] = new Hit(ids[row], (int) (packed[j] >>> 32), row);
        }
        return List.of(hits);
    }

    /** Scans chunks taken from {@code next} (increasing) until none are left. */
    private static void scanChunks(long[] data, int words, long[] query, int n, int chunks, AtomicInteger next,
                                   BucketTopK top) {
        int c;
        while ((c = next.getAndIncrement()) < chunks) {
            scan(data, words, query, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), top);
        }
    }

    static int distance(long[] data, int base, int words, long[] query) {
        int d = 0;
        for (int w = 0; w < words; w++) {
            d += Long.bitCount(data[base + w] ^ query[w]);
        }
        return d;
    }

    /** Offers rows [from, to) to {@code top} in row order. */
    static void scan(long[] data, int words, long[] query, int from, int to, BucketTopK top) {
        if (words == 1) {
            scan1(data, query[0], from, to, top);
        } else if (words == 2) {
            scan2(data, query[0], query[1], from, to, top);
        } else {
            scanN(data, words, query, from, to, top);
        }
    }

    private static void scan1(long[] data, long q, int from, int to, BucketTopK top) {
        int thr = top.threshold();
        for (int i = from; i < to; i++) {
            int d = Long.bitCount(data[i] ^ q);
            if (d < thr) {
                thr = top.add(i, d);
            }
        }
    }

    private static void scan2(long[] data, long q0, long q1, int from, int to, BucketTopK top) {
        int thr = top.threshold();
        for (int i = from; i < to; i++) {
            int b = i << 1;
            int d = Long.bitCount(data[b] ^ q0) + Long.bitCount(data[b + 1] ^ q1);
            if (d < thr) {
                thr = top.add(i, d);
            }
        }
    }

    private static void scanN(long[] data, int words, long[] query, int from, int to, BucketTopK top) {
        int thr = top.threshold();
        for (int i = from; i < to; i++) {
            int d = distance(data, i * words, words, query);
            if (d < thr) {
                thr = top.add(i, d);
            }
        }
    }
}
