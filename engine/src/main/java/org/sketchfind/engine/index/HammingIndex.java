package org.sketchfind.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Exhaustive Hamming search: XOR + {@link Long#bitCount} (one POPCNT) over every code, top-k kept in a single pass
 * by a {@link BucketTopK} (one bucket of rows per distance 0..M; no sort of the collection). The hot loops are
 * specialised for one word (M ≤ 64) and two words (M ≤ 128) per code.
 *
 * <p>Large collections are cut into contiguous chunks that the calling thread and up to {@code threads − 1} helpers
 * on the executor take in increasing order from a shared counter; each chunk keeps its own top-k with the same
 * tie-break, and the chunk results are merged in chunk order by the same bucket structure, so results are
 * identical for any number of threads and any interleaving. The caller never waits for a helper (it rescans a
 * chunk a slow helper has not finished), so on a busy machine a query is no slower than on one thread.
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
            merged = parallelTopK(data, words, maxD, query, Math.min(k, n), n, tasks);
            count = merged.length;
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

    /**
     * Work sharing over contiguous chunks. Threads claim chunks in increasing order from one counter and publish
     * each chunk's own top-k (sorted by distance, row). A thread's later chunks admit only distances below the
     * k-th distance of its previous full chunk (rows there at that distance are earlier, so win the tie; rows
     * dropped this way cannot be in the answer). When the caller runs out of chunks it does not wait for helpers:
     * it scans any chunk whose result is not published yet itself (first result in wins; both are valid), so a
     * helper that the OS has descheduled never delays the query. The chunk results are then fed, in chunk order,
     * into one {@link BucketTopK}, which sees equal distances in increasing row order: the answer is exactly the
     * single-threaded one.
     */
    private long[] parallelTopK(long[] data, int words, int maxD, long[] query, int k, int n, int tasks) {
        int chunks = (int) Math.max(tasks, Math.min(64L * tasks, n / Math.max(1, minRowsPerTask / 2)));
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<long[]> results = new AtomicReferenceArray<>(chunks);
        Runnable worker = () -> {
            int cap = maxD + 1;
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                cap = scanChunk(data, words, query, n, chunks, c, k, maxD, cap, results);
            }
        };
        for (int t = 1; t < tasks; t++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // executor shut down or saturated: the calling thread covers every chunk
            }
        }
        worker.run();
        for (int c = 0; c < chunks; c++) {
            if (results.get(c) == null) {
                scanChunk(data, words, query, n, chunks, c, k, maxD, maxD + 1, results);
            }
        }
        BucketTopK top = new BucketTopK(maxD, k);
        int thr = top.threshold();
        for (int c = 0; c < chunks; c++) {
            for (long e : results.get(c)) {
                int d = (int) (e >>> 32);
                if (d < thr) {
                    thr = top.add((int) e, d);
                }
            }
        }
        long[] out = new long[top.size()];
        top.drainSorted(out, 0);
        return out;
    }

    /** Top-k of chunk c admitting only distances below cap; publishes it and returns the cap for a later chunk. */
    private static int scanChunk(long[] data, int words, long[] query, int n, int chunks, int c, int k, int maxD,
                                 int cap, AtomicReferenceArray<long[]> results) {
        BucketTopK top = new BucketTopK(maxD, k, cap);
        scan(data, words, query, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), top);
        long[] res = new long[top.size()];
        top.drainSorted(res, 0);
        results.compareAndSet(c, null, res);
        return Math.min(cap, top.threshold());
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

    /*
     * The hot loops below keep the rare top-k update out of the inner loop (which only looks for the next code that
     * beats the threshold), so the JIT compiles the same tight, unrolled loop whatever the profile: with the update
     * inside the loop, C2's code varied by up to 30% with the call profile.
     */
    private static void scan1(long[] data, long q, int from, int to, BucketTopK top) {
        int thr = top.threshold();
        int i = from;
        while (i < to) {
            int d = 0;
            for (; i < to; i++) {
                d = Long.bitCount(data[i] ^ q);
                if (d < thr) {
                    break;
                }
            }
            if (i == to) {
                return;
            }
            thr = top.add(i, d);
            i++;
        }
    }

    private static void scan2(long[] data, long q0, long q1, int from, int to, BucketTopK top) {
        int thr = top.threshold();
        int i = from;
        while (i < to) {
            int d = 0;
            for (; i < to; i++) {
                d = Long.bitCount(data[2 * i] ^ q0) + Long.bitCount(data[2 * i + 1] ^ q1);
                if (d < thr) {
                    break;
                }
            }
            if (i == to) {
                return;
            }
            thr = top.add(i, d);
            i++;
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
