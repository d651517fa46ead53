package org.sketchfind.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalMetricsTest {
    private static final double EPS = 1e-12;

    private static boolean[] rel(int... bits) {
        boolean[] r = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            r[i] = bits[i] == 1;
        }
        return r;
    }

    // Case A, no ties: rel = R N R N N R, R = 3.
    //   relevant at ranks 1, 3, 6: P@1 = 1, P@3 = 2/3, P@6 = 3/6.
    //   AP@all = (1 + 2/3 + 1/2) / 3 = (13/6) / 3 = 13/18.
    //   AP@3 = (1 + 2/3) / min(3, 3) = 5/9;  AP@2 = 1 / min(2, 3) = 1/2;  AP@5 = (1 + 2/3) / 3 = 5/9.
    //   P@1 = 1, P@3 = 2/3, P@4 = 1/2, P@6 = 1/2.
    //   raw PR points: (1/3, 1), (2/3, 2/3), (1, 1/2).
    //   11-point interpolated: ρ ∈ {0, .1, .2, .3} → max(1, 2/3, 1/2) = 1;
    //                          ρ ∈ {.4, .5, .6} → max(2/3, 1/2) = 2/3;  ρ ∈ {.7 … 1} → 1/2.
    @Test
    void caseWithoutTies() {
        boolean[] r = rel(1, 0, 1, 0, 0, 1);
        int[] oneItemGroups = {1, 2, 3, 4, 5, 6};
        assertEquals(13.0 / 18, RetrievalMetrics.averagePrecision(r), EPS);
        assertEquals(13.0 / 18, RetrievalMetrics.tieAwareAveragePrecision(r, oneItemGroups), EPS,
                "without ties tie-aware AP equals plain AP");
        assertEquals(5.0 / 9, RetrievalMetrics.averagePrecisionAtK(r, 3), EPS);
        assertEquals(1.0 / 2, RetrievalMetrics.averagePrecisionAtK(r, 2), EPS);
        assertEquals(5.0 / 9, RetrievalMetrics.averagePrecisionAtK(r, 5), EPS);
        assertEquals(13.0 / 18, RetrievalMetrics.averagePrecisionAtK(r, 6), EPS, "AP@N = AP@all");
        assertEquals(1.0, RetrievalMetrics.precisionAtK(r, 1), EPS);
        assertEquals(2.0 / 3, RetrievalMetrics.precisionAtK(r, 3), EPS);
        assertEquals(1.0 / 2, RetrievalMetrics.precisionAtK(r, 4), EPS);
        assertEquals(1.0 / 2, RetrievalMetrics.precisionAtK(r, 6), EPS);
        double[][] pr = RetrievalMetrics.precisionAtRecallLevels(r);
        assertArrayEquals(new double[]{1.0 / 3, 2.0 / 3, 1.0}, pr[0], EPS);
        assertArrayEquals(new double[]{1.0, 2.0 / 3, 1.0 / 2}, pr[1], EPS);
        double t = 2.0 / 3;
        assertArrayEquals(new double[]{1, 1, 1, 1, t, t, t, .5, .5, .5, .5},
                RetrievalMetrics.interpolatedPrecision(r, 11), EPS);
    }

    // Case B, Hamming ties. Query code 0000; gallery (index: code → distance, relevant?):
    //   0: 0011 → 2, R    1: 0001 → 1, N    2: 0010 → 1, R
    //   3: 0111 → 3, R    4: 0101 → 2, N    5: 1001 → 2, N
    // Plain order (distance, then gallery index): 1 2 | 0 4 5 | 3  →  rel = N R | R N N | R, groups end at 2, 5, 6.
    //   plain AP = (1/2 + 2/3 + 3/6) / 3 = (10/6) / 3 = 5/9.
    //   tie-aware, group by group (b items / c relevant before; n items / r relevant in the group):
    //     {1,2}: b=0 c=0 n=2 r=1 → the R is 1st or 2nd: (1/1 + 1/2) / 2 = 3/4
    //     {0,4,5}: b=2 c=1 n=3 r=1 → R at rank 3, 4 or 5 with 1 relevant ahead: (2/3 + 2/4 + 2/5) / 3 = 47/90
    //     {3}: b=5 c=2 → 3/6 = 1/2
    //   tie-aware AP = (3/4 + 47/90 + 1/2) / 3 = (319/180) / 3 = 319/540.
    //   P@3 plain = 2/3; tie-aware P@3 = (1 + (3 − 2) · 1/3) / 3 = 4/9.
    @Test
    void caseWithHammingTies() {
        long[] q = {0b0000};
        long[][] g = {{0b0011}, {0b0001}, {0b0010}, {0b0111}, {0b0101}, {0b1001}};
        int[] labels = {7, 3, 7, 7, 3, 5};
        Ranking ranking = Ranking.byHamming(q, g, 4);
        assertArrayEquals(new int[]{1, 2, 0, 4, 5, 3}, ranking.order());
        assertArrayEquals(new int[]{2, 5, 6}, ranking.groupEnds());
        boolean[] r = ranking.relevance(7, labels);
        assertArrayEquals(rel(0, 1, 1, 0, 0, 1), r);
        assertEquals(5.0 / 9, RetrievalMetrics.averagePrecision(r), EPS);
        assertEquals(319.0 / 540, RetrievalMetrics.tieAwareAveragePrecision(r, ranking.groupEnds()), EPS);
        assertEquals(2.0 / 3, RetrievalMetrics.precisionAtK(r, 3), EPS);
        assertEquals(4.0 / 9, RetrievalMetrics.tieAwarePrecisionAtK(r, ranking.groupEnds(), 3), EPS);
        // K = 2 ends exactly at the first group's boundary: 1 relevant of 2, no expectation needed: 1/2.
        assertEquals(1.0 / 2, RetrievalMetrics.tieAwarePrecisionAtK(r, ranking.groupEnds(), 2), EPS);
    }

    // Case C, everything tied with 2 relevant of 4. Enumerating the 6 placements of the two R's:
    //   {1,2}: (1 + 1)/2 = 1      {1,3}: (1 + 2/3)/2 = 5/6    {1,4}: (1 + 1/2)/2 = 3/4
    //   {2,3}: (1/2 + 2/3)/2 = 7/12   {2,4}: (1/2 + 1/2)/2 = 1/2   {3,4}: (1/3 + 1/2)/2 = 5/12
    //   mean = (12 + 10 + 9 + 7 + 6 + 5) / 12 / 6 = 49/72.
    // Closed form: (1/R)(r/n) Σ_j (1 + (j−1)(r−1)/(n−1)) / j = (1/2)(2/4)(1 + 2/3 + 5/9 + 1/2) = (1/4)(49/18) = 49/72.
    @Test
    void allTiedGroupWithSeveralRelevant() {
        boolean[] r = rel(1, 0, 0, 1);
        assertEquals(49.0 / 72, RetrievalMetrics.tieAwareAveragePrecision(r, new int[]{4}), EPS);
        // plain order reads R N N R: (1 + 2/4) / 2 = 3/4
        assertEquals(3.0 / 4, RetrievalMetrics.averagePrecision(r), EPS);
        // any P@K of a fully tied ranking is r/n in expectation
        assertEquals(0.5, RetrievalMetrics.tieAwarePrecisionAtK(r, new int[]{4}, 3), EPS);
    }

    @Test
    void tieAwareApEqualsBruteForceOverAllOrderings() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(8);
            boolean[] r = new boolean[n];
            for (int i = 0; i < n; i++) {
                r[i] = rnd.nextInt(3) == 0;
            }
            r[rnd.nextInt(n)] = true;
            List<Integer> ends = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                if (rnd.nextInt(3) == 0) {
                    ends.add(i);
                }
            }
            ends.add(n);
            int[] groupEnds = ends.stream().mapToInt(Integer::intValue).toArray();
            double[] sums = new double[1 + n];
            long[] count = new long[1];
            enumerate(r.clone(), groupEnds, 0, 0, sums, count);
            assertEquals(sums[0] / count[0], RetrievalMetrics.tieAwareAveragePrecision(r, groupEnds), 1e-12,
                    "trial " + trial + " rel=" + Arrays.toString(r) + " groups=" + Arrays.toString(groupEnds));
            for (int k = 1; k <= n; k++) {
                assertEquals(sums[k] / count[0], RetrievalMetrics.tieAwarePrecisionAtK(r, groupEnds, k), 1e-12,
                        "P@" + k + " trial " + trial);
            }
        }
    }

    /** Every ordering inside every group (with repetitions of equal items, which keeps the uniform weighting). */
    private static void enumerate(boolean[] r, int[] ends, int groupIdx, int start, double[] sums, long[] count) {
        if (groupIdx == ends.length) {
            sums[0] += RetrievalMetrics.averagePrecision(r);
            for (int k = 1; k < sums.length; k++) {
                sums[k] += RetrievalMetrics.precisionAtK(r, k);
            }
            count[0]++;
            return;
        }
        permute(r, start, ends[groupIdx], start, () -> enumerate(r, ends, groupIdx + 1, ends[groupIdx], sums, count));
    }

    private static void permute(boolean[] r, int from, int to, int pos, Runnable leaf) {
        if (pos == to) {
            leaf.run();
            return;
        }
        for (int i = pos; i < to; i++) {
            swap(r, pos, i);
            permute(r, from, to, pos + 1, leaf);
            swap(r, pos, i);
        }
    }

    private static void swap(boolean[] r, int a, int b) {
        boolean t = r[a];
        r[a] = r[b];
        r[b] = t;
    }

    @Test
    void noRelevantItemGivesNaN() {
        boolean[] r = rel(0, 0, 0);
        assertTrue(Double.isNaN(RetrievalMetrics.averagePrecision(r)));
        assertTrue(Double.isNaN(RetrievalMetrics.tieAwareAveragePrecision(r, new int[]{3})));
        assertTrue(Double.isNaN(RetrievalMetrics.averagePrecisionAtK(r, 2)));
        assertEquals(0.0, RetrievalMetrics.precisionAtK(r, 2));
    }

    @Test
    void kOutsideGalleryIsAClearError() {
        boolean[] r = rel(1, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetrievalMetrics.precisionAtK(r, 4));
        assertTrue(e.getMessage().contains("gallery has 3 items"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.precisionAtK(r, 0));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.averagePrecisionAtK(r, 5));
    }

    @Test
    void interpolatedPrecisionMatchesDefinitionAt101Levels() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + rnd.nextInt(60);
            boolean[] r = new boolean[n];
            for (int i = 0; i < n; i++) {
                r[i] = rnd.nextInt(4) == 0;
            }
            r[rnd.nextInt(n)] = true;
            int total = RetrievalMetrics.relevantCount(r);
            double[] got = RetrievalMetrics.interpolatedPrecision(r, 101);
            for (int l = 0; l <= 100; l++) {
                double rho = l / 100.0;
                double best = 0;
                int hits = 0;
                for (int k = 0; k < n; k++) {
                    if (r[k]) {
                        hits++;
                    }
                    if ((double) hits / total >= rho - 1e-12) {
                        best = Math.max(best, (double) hits / (k + 1));
                    }
                }
                assertEquals(best, got[l], EPS, "level " + l);
            }
        }
    }

    @Test
    void hammingRankingEqualsComparisonSort() {
        Random rnd = new Random(3);
        for (int bits : new int[]{16, 64, 100, 128}) {
            int words = (bits + 63) / 64;
            long[][] g = new long[500][];
            for (int i = 0; i < g.length; i++) {
                g[i] = randomCode(rnd, bits, words);
            }
            long[] q = randomCode(rnd, bits, words);
            Ranking ranking = Ranking.byHamming(q, g, bits);
            Integer[] idx = new Integer[g.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> org.sketchfind.engine.code.Codes.hamming(q, g[i]))
                    .thenComparingInt(i -> i));
            assertArrayEquals(Arrays.stream(idx).mapToInt(Integer::intValue).toArray(), ranking.order(), "bits " + bits);
            // group ends are exactly where the distance changes
            int prev = 0;
            for (int end : ranking.groupEnds()) {
                int d = org.sketchfind.engine.code.Codes.hamming(q, g[ranking.order()[prev]]);
                for (int k = prev; k < end; k++) {
                    assertEquals(d, org.sketchfind.engine.code.Codes.hamming(q, g[ranking.order()[k]]));
                }
                if (end < g.length) {
                    assertTrue(org.sketchfind.engine.code.Codes.hamming(q, g[ranking.order()[end]]) > d);
                }
                prev = end;
            }
        }
    }

    private static long[] randomCode(Random rnd, int bits, int words) {
        long[] c = new long[words];
        for (int w = 0; w < words; w++) {
            c[w] = rnd.nextLong();
        }
        if (bits % 64 != 0) {
            c[words - 1] &= (1L << (bits % 64)) - 1;
        }
        return c;
    }

    @Test
    void scoreRankingIsDescendingWithStableTies() {
        double[] scores = {0.5, 0.9, 0.5, 0.1, 0.9};
        Ranking ranking = Ranking.byScore(scores);
        assertArrayEquals(new int[]{1, 4, 0, 2, 3}, ranking.order());
        assertArrayEquals(new int[]{2, 4, 5}, ranking.groupEnds());
        assertThrows(IllegalArgumentException.class, () -> Ranking.byScore(new double[]{0.1, Double.NaN}));
    }
}
