package org.sketchfind.engine.eval;

import org.sketchfind.engine.code.Codes;

import java.util.Arrays;
import java.util.Objects;

/**
 * One query's ranking of the whole gallery, with its tie groups.
 *
 * <p><b>Plain ordering (the paper's):</b> items are ordered by ascending Hamming distance (or descending score);
 * equal distances are broken by ascending gallery index (a stable order). Every metric that says "plain" reads the
 * ranking in exactly this order.
 *
 * <p><b>Tie groups:</b> maximal runs of consecutive ranks with exactly equal distance (or score). Tie-aware metrics
 * treat the order inside a group as uniformly random.
 *
 * @param order      gallery indices, best first (length = gallery size)
 * @param groupEnds  exclusive end rank of each tie group, ascending; the last equals {@code order.length}
 */
public record Ranking(int[] order, int[] groupEnds) {

    public Ranking {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(groupEnds, "groupEnds");
        if (order.length > 0 && (groupEnds.length == 0 || groupEnds[groupEnds.length - 1] != order.length)) {
            throw new IllegalArgumentException("tie groups must end at the ranking's length " + order.length);
        }
    }

    public int size() {
        return order.length;
    }

    /**
     * Hamming ranking by counting sort: distances lie in 0..bits, so one pass counts each distance, a prefix sum
     * gives each bucket's start, and a second pass in gallery order fills the buckets (so ties stay in ascending
     * gallery index). O(N + bits), no comparison sort.
     */
    public static Ranking byHamming(long[] query, long[][] gallery, int bits) {
        int n = gallery.length;
        int[] dist = new int[n];
        int[] count = new int[bits + 2];
        for (int i = 0; i < n; i++) {
            int d = Codes.hamming(query, gallery[i]);
            if (d > bits) {
                throw new IllegalArgumentException("Hamming distance " + d + " exceeds the code length " + bits
                        + " (gallery item " + i + "): codes of different lengths?");
            }
            dist[i] = d;
            count[d + 1]++;
        }
        int groups = 0;
        for (int d = 1; d <= bits + 1; d++) {
            if (count[d] > 0) {
                groups++;
            }
        }
        int[] groupEnds = new int[groups];
        int g = 0;
        for (int d = 1; d <= bits + 1; d++) {
            if (count[d] > 0) {
                groupEnds[g++] = count[d - 1] + count[d];
            }
            count[d] += count[d - 1];
        }
        // count[d] is now the start rank of distance d
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[count[dist[i]]++] = i;
        }
        return new Ranking(order, groupEnds);
    }

    /**
     * Score ranking (higher is better, e.g. cosine similarity): stable sort by descending score, ties by
     * ascending gallery index; tie groups are runs of exactly equal scores. NaN scores are an error.
     */
    public static Ranking byScore(double[] scores) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of gallery item " + i + " is NaN");
            }
            idx[i] = i;
            s[i] = scores[i] + 0.0; // -0.0 becomes 0.0: one tie group, one order
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(s[b], s[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] order = new int[n];
        int[] ends = new int[n];
        int groups = 0;
        for (int r = 0; r < n; r++) {
            order[r] = idx[r];
            if (r > 0 && s[order[r]] != s[order[r - 1]]) {
                ends[groups++] = r;
            }
        }
        if (n > 0) {
            ends[groups++] = n;
        }
        return new Ranking(order, Arrays.copyOf(ends, groups));
    }

    /** Relevance in rank order: {@code rel[r] = galleryLabels[order[r]] == queryLabel}. */
    public boolean[] relevance(int queryLabel, int[] galleryLabels) {
        boolean[] rel = new boolean[order.length];
        for (int r = 0; r < order.length; r++) {
            rel[r] = galleryLabels[order[r]] == queryLabel;
        }
        return rel;
    }
}
