package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class HammingIndexTest {
    private static final int[] BITS = {16, 32, 64, 100, 128};

    @Test
    void topKEqualsBruteForceFullSort() {
        Random r = new Random(11);
        for (int bits : BITS) {
            for (int n : new int[]{1, 7, 200, 3000}) {
                PackedCodes pc = RandomCodes.uniform(bits * 31L + n, n, bits);
                HammingIndex index = new HammingIndex(pc, 1);
                for (int q = 0; q < 4; q++) {
                    long[] query = q == 0 ? pc.get(n / 2) : RandomCodes.random(r, bits);
                    for (int k : new int[]{1, 5, 100, n, n + 9}) {
                        assertEquals(RandomCodes.bruteForce(pc, query, k), index.nearest(query, k),
                                bits + " bits, n=" + n + ", k=" + k);
                    }
                }
            }
        }
    }

    @Test
    void manyTiesAreBrokenByInsertionOrder() {
        // 4-bit and 16-bit codes over thousands of rows: every distance is shared by hundreds of rows.
        for (int bits : new int[]{4, 16}) {
            PackedCodes pc = RandomCodes.uniform(bits, 4000, bits);
            long[] dup = pc.get(17);
            for (int i = 0; i < 50; i++) {
                pc.append(-i, dup); // exact duplicates, appended last
            }
            HammingIndex index = new HammingIndex(pc, 1);
            for (int k : new int[]{1, 3, 64, 500}) {
                List<Hit> got = index.nearest(dup, k);
                assertEquals(RandomCodes.bruteForce(pc, dup, k), got, bits + " bits, k=" + k);
                for (int i = 1; i < got.size(); i++) {
                    Hit a = got.get(i - 1);
                    Hit b = got.get(i);
                    assertTrue(a.distance() < b.distance() || a.distance() == b.distance() && a.row() < b.row());
                }
            }
            int first = 0;
            while (!java.util.Arrays.equals(pc.get(first), dup)) {
                first++;
            }
            assertEquals(first, index.nearest(dup, 1).get(0).row(), "the earliest duplicate wins the tie");
            assertEquals(0, index.nearest(dup, 1).get(0).distance());
        }
    }

    @Test
    void multiThreadedEqualsSingleThreaded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger tasks = new AtomicInteger();
            Random r = new Random(5);
            for (int bits : BITS) {
                PackedCodes pc = RandomCodes.uniform(bits, 5003, bits);
                HammingIndex single = new HammingIndex(pc, 1);
                for (int threads : new int[]{2, 3, 5}) {
                    HammingIndex multi = new HammingIndex(pc, threads, 100, cmd -> {
                        tasks.incrementAndGet();
                        pool.execute(cmd);
                    });
                    for (int q = 0; q < 3; q++) {
                        long[] query = RandomCodes.random(r, bits);
                        for (int k : new int[]{1, 10, 100, 2000, 6000}) {
                            assertEquals(single.nearest(query, k), multi.nearest(query, k),
                                    bits + " bits, " + threads + " threads, k=" + k);
                        }
                    }
                }
            }
            assertTrue(tasks.get() > 0, "the executor ran the extra ranges");
            // An executor that runs the helper inline: the helper takes every chunk before the caller starts.
            PackedCodes pc = RandomCodes.uniform(77, 4000, 64);
            HammingIndex inline = new HammingIndex(pc, 2, 100, Runnable::run);
            long[] q = RandomCodes.random(r, 64);
            assertEquals(new HammingIndex(pc, 1).nearest(q, 100), inline.nearest(q, 100));
            // An executor that never runs anything (shut down, or a helper the OS never schedules).
            HammingIndex rejecting = new HammingIndex(pc, 2, 100, cmd -> {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            });
            assertEquals(new HammingIndex(pc, 1).nearest(q, 100), rejecting.nearest(q, 100));
            HammingIndex dropping = new HammingIndex(pc, 4, 100, cmd -> { });
            assertEquals(new HammingIndex(pc, 1).nearest(q, 2500), dropping.nearest(q, 2500));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void defaultPoolSplitsLargeCollectionsWithTheSameResult() {
        PackedCodes pc = RandomCodes.uniform(9, 3 * HammingIndex.DEFAULT_MIN_ROWS_PER_TASK, 64);
        long[] q = RandomCodes.random(new Random(1), 64);
        assertEquals(new HammingIndex(pc, 1).nearest(q, 100), new HammingIndex(pc, 3).nearest(q, 100));
    }

    @Test
    void withinRadiusEqualsBruteForce() {
        Random r = new Random(8);
        for (int bits : BITS) {
            PackedCodes pc = RandomCodes.clustered(bits, 2000, bits, 20, 0.1);
            HammingIndex index = new HammingIndex(pc, 1);
            long[] q = RandomCodes.near(r, pc.get(3), bits, 0.05);
            for (int radius : new int[]{0, 2, bits / 8, bits / 3, bits, bits + 5}) {
                assertEquals(RandomCodes.bruteForceRadius(pc, q, radius), index.withinRadius(q, radius),
                        bits + " bits, radius " + radius);
            }
        }
    }

    @Test
    void edgeCases() {
        PackedCodes empty = new PackedCodes(64);
        HammingIndex index = new HammingIndex(empty);
        assertEquals(List.of(), index.nearest(new long[1], 10));
        assertEquals(List.of(), index.withinRadius(new long[1], 64));

        PackedCodes pc = RandomCodes.uniform(1, 10, 100);
        HammingIndex i100 = new HammingIndex(pc);
        long[] q = pc.get(0);
        assertEquals(List.of(), i100.nearest(q, 0));
        assertThrows(IllegalArgumentException.class, () -> i100.nearest(q, -1));
        assertThrows(IllegalArgumentException.class, () -> i100.withinRadius(q, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> i100.nearest(new long[1], 5));
        assertTrue(e.getMessage().contains("100-bit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> i100.nearest(new long[]{0, -1L}, 5));
        assertTrue(e.getMessage().contains("beyond bit 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> i100.nearest(null, 5));
        assertThrows(IllegalArgumentException.class, () -> new HammingIndex(pc, 0));
    }

    @Test
    void searchesSeeLaterAppends() {
        PackedCodes pc = RandomCodes.uniform(2, 10, 32);
        HammingIndex index = new HammingIndex(pc, 1);
        long[] q = RandomCodes.random(new Random(99), 32);
        pc.append(42, q);
        Hit best = index.nearest(q, 1).get(0);
        assertEquals(new Hit(42, 0, 10), best);
    }
}
