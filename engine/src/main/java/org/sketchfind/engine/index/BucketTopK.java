package org.sketchfind.engine.index;

import java.util.Arrays;

/**
 * Bounded top-k over small integer distances 0..maxDistance with one bucket of rows per distance; no comparison
 * sort. Rows must be offered in increasing row order: within a bucket rows then stay sorted, and a later row never
 * displaces an earlier one at the same distance (the house tie-break: distance, then row).
 *
 * <p>Hot loops call {@link #add} only when {@code d < threshold}, where the threshold is the value last returned by
 * {@link #add} (initially {@link #threshold()}): while fewer than k rows are held everything is admitted; once k
 * are held only distances strictly below the largest held distance are admitted, and the last (latest) row of the
 * largest bucket is evicted.
 */
final class BucketTopK {
    private final int k;
    private final int maxDistance;
    /** Only distances below the cap are ever admitted (a bound known from elsewhere; maxDistance + 1 for none). */
    private final int cap;
    private final int[][] buckets;
    private final int[] counts;
    private int total;
    /** While total ≥ k: the largest distance held. */
    private int bound;

    BucketTopK(int maxDistance, int k) {
        this(maxDistance, k, maxDistance + 1);
    }

    BucketTopK(int maxDistance, int k, int cap) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        this.k = k;
        this.maxDistance = maxDistance;
        this.buckets = new int[maxDistance + 1][];
        this.counts = new int[maxDistance + 1];
        this.bound = maxDistance;
        this.cap = Math.min(cap, maxDistance + 1);
    }

    /** Distances strictly below this value are admitted. */
    int threshold() {
        return total < k ? cap : bound;
    }

    /** Adds {@code row} at distance {@code d} (caller checked {@code d < threshold()}); returns the new threshold. */
    int add(int row, int d) {
        int[] b = buckets[d];
        int c = counts[d];
        if (b == null) {
            b = buckets[d] = new int[Math.min(k, 16)];
        } else if (c == b.length) {
            b = buckets[d] = Arrays.copyOf(b, (int) Math.min((long) k + 1, 2L * c));
        }
        b[c] = row;
        counts[d] = c + 1;
        total++;
        if (total == k) {
            int hi = maxDistance;
            while (counts[hi] == 0) {
                hi--;
            }
            bound = hi;
        } else if (total > k) {
            counts[bound]--;
            total--;
            while (counts[bound] == 0) {
                bound--;
            }
        }
        return threshold();
    }

    int size() {
        return total;
    }

    /**
     * Packs the held rows as {@code (distance << 32) | row}, sorted by distance then row, into {@code out} from
     * {@code offset}; returns the new offset.
     */
    int drainSorted(long[] out, int offset) {
        int o = offset;
        for (int d = 0; d <= maxDistance; d++) {
            int c = counts[d];
            int[] b = buckets[d];
            for (int i = 0; i < c; i++) {
                out[o++] = ((long) d << 32) | b[i];
            }
        }
        return o;
    }
}
