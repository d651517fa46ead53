package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.code.Codes;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MultiIndexHashingTest {
    private static final int[] BITS = {16, 32, 64, 100, 128};

    @Test
    void nearestEqualsExhaustiveOnRandomCodes() {
        Random r = new Random(21);
        for (int bits : BITS) {
            for (int n : new int[]{1, 50, 4000}) {
                PackedCodes pc = RandomCodes.uniform(bits + n, n, bits);
                checkNearest(pc, r, bits, n);
            }
        }
    }

    @Test
    void nearestEqualsExhaustiveOnClusteredCodes() {
        Random r = new Random(22);
        for (int bits : BITS) {
            PackedCodes pc = RandomCodes.clustered(bits, 6000, bits, 30, 0.08);
            checkNearest(pc, r, bits, pc.size());
        }
    }

    private static void checkNearest(PackedCodes pc, Random r, int bits, int n) {
        HammingIndex exhaustive = new HammingIndex(pc, 1);
        int minM = (bits + 63) / 64;
        int[] ms = {minM, Math.max(minM, 2), Math.max(minM, 4), MultiIndexHashing.recommendedSubstrings(n, bits),
                Math.min(bits, 9)};
        for (int m : ms) {
            MultiIndexHashing mih = new MultiIndexHashing(pc, m);
            assertEquals(m, mih.substrings());
            for (int q = 0; q < 4; q++) {
                long[] query = switch (q) {
                    case 0 -> pc.get(n - 1);
                    case 1 -> RandomCodes.near(r, pc.get(r.nextInt(n)), bits, 0.1);
                    default -> RandomCodes.random(r, bits);
                };
                for (int k : new int[]{1, 10, 100, n + 3}) {
                    assertEquals(exhaustive.nearest(query, k), mih.nearest(query, k),
                            bits + " bits, n=" + n + ", m=" + m + ", k=" + k);
                }
            }
        }
    }

    @Test
    void tiesMatchExhaustiveWithDuplicatesAndShortCodes() {
        PackedCodes pc = RandomCodes.clustered(3, 3000, 16, 5, 0.05);
        long[] dup = pc.get(2999);
        for (int i = 0; i < 40; i++) {
            pc.append(-i, dup);
        }
        HammingIndex exhaustive = new HammingIndex(pc, 1);
        for (int m = 1; m <= 4; m++) {
            MultiIndexHashing mih = new MultiIndexHashing(pc, m);
            for (int k : new int[]{1, 7, 41, 300}) {
                assertEquals(exhaustive.nearest(dup, k), mih.nearest(dup, k), "m=" + m + ", k=" + k);
            }
        }
    }

    @Test
    void withinRadiusEqualsExhaustive() {
        Random r = new Random(23);
        for (int bits : BITS) {
            PackedCodes pc = RandomCodes.clustered(bits * 7L, 3000, bits, 25, 0.1);
            HammingIndex exhaustive = new HammingIndex(pc, 1);
            for (int m : new int[]{(bits + 63) / 64 + 1, MultiIndexHashing.recommendedSubstrings(3000, bits)}) {
                MultiIndexHashing mih = new MultiIndexHashing(pc, m);
                long[] q = RandomCodes.near(r, pc.get(r.nextInt(3000)), bits, 0.05);
                for (int radius : new int[]{0, 1, bits / 10, bits / 4, bits / 2, bits}) {
                    assertEquals(exhaustive.withinRadius(q, radius), mih.withinRadius(q, radius),
                            bits + " bits, m=" + m + ", radius=" + radius);
                }
            }
        }
    }

    @Test
    void isASnapshotAndConcurrentQueriesAgree() throws Exception {
        PackedCodes pc = RandomCodes.uniform(4, 5000, 64);
        MultiIndexHashing mih = new MultiIndexHashing(pc);
        HammingIndex exhaustive = new HammingIndex(pc, 1);
        long[][] queries = new long[8][];
        Random r = new Random(4);
        for (int i = 0; i < queries.length; i++) {
            queries[i] = RandomCodes.random(r, 64);
        }
        List<List<Hit>> expected = new java.util.ArrayList<>();
        for (long[] q : queries) {
            expected.add(exhaustive.nearest(q, 50));
        }
        pc.append(77, queries[0]); // not in the MIH snapshot
        Thread[] ts = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                try {
                    for (int rep = 0; rep < 5; rep++) {
                        for (int i = 0; i < queries.length; i++) {
                            assertEquals(expected.get(i), mih.nearest(queries[i], 50));
                        }
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertNull(failure[0], () -> String.valueOf(failure[0]));
        assertEquals(5000, mih.size());
    }

    @Test
    void edgeCases() {
        MultiIndexHashing empty = new MultiIndexHashing(new PackedCodes(64));
        assertEquals(List.of(), empty.nearest(new long[1], 5));
        assertEquals(List.of(), empty.withinRadius(new long[1], 10));
        PackedCodes pc = RandomCodes.uniform(5, 20, 128);
        MultiIndexHashing mih = new MultiIndexHashing(pc, 4);
        assertEquals(List.of(), mih.nearest(pc.get(0), 0));
        assertThrows(IllegalArgumentException.class, () -> mih.nearest(pc.get(0), -2));
        assertThrows(IllegalArgumentException.class, () -> mih.nearest(new long[1], 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MultiIndexHashing(pc, 1));
        assertTrue(e.getMessage().contains("substrings"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiIndexHashing(pc, 129));
    }

    @Test
    void substringExtractionSpansWords() {
        Random r = new Random(6);
        long[] code = RandomCodes.random(r, 128);
        for (int start = 0; start < 128; start += 7) {
            for (int len = 1; len <= 64 && start + len <= 128; len += 9) {
                long v = MultiIndexHashing.extract(code, 0, start, len);
                for (int i = 0; i < len; i++) {
                    assertEquals(Codes.bit(code, start + i), (v >>> i & 1) != 0, start + "+" + i);
                }
                if (len < 64) {
                    assertEquals(0, v >>> len);
                }
            }
        }
    }

    @Test
    void policyUsesExhaustiveForSmallCollectionsAndAgreesEitherWay() {
        PackedCodes pc = RandomCodes.uniform(8, 1000, 64);
        assertFalse(Searchers.prefersMultiIndex(1000, 64));
        assertTrue(Searchers.prefersMultiIndex(Searchers.MIH_MIN_CODES_64, 64));
        assertFalse(Searchers.prefersMultiIndex(Integer.MAX_VALUE - 1, 128));
        assertInstanceOf(HammingIndex.class, Searchers.best(pc));
        long[] q = RandomCodes.random(new Random(8), 64);
        assertEquals(new MultiIndexHashing(pc).nearest(q, 100), Searchers.best(pc).nearest(q, 100));
        PackedCodes big16 = RandomCodes.uniform(9, Searchers.MIH_MIN_CODES_16, 16);
        HammingSearcher chosen = Searchers.best(big16);
        assertInstanceOf(MultiIndexHashing.class, chosen);
        long[] q16 = RandomCodes.random(new Random(10), 16);
        assertEquals(new HammingIndex(big16, 1).nearest(q16, 100), chosen.nearest(q16, 100));
    }
}
