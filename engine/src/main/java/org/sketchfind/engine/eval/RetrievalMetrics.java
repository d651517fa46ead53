package org.sketchfind.engine.eval;

/**
 * Retrieval metrics of one query over one ranking. Inputs are the relevance of each rank ({@code rel[r]}: the item
 * at rank r, 0-based, is of the query's class) and, for tie-aware figures, the ranking's tie groups
 * ({@link Ranking#groupEnds()}).
 *
 * <h2>Definitions</h2>
 * Let R be the number of relevant gallery items, rel_k the relevance at rank k (1-based) and P@k the precision of the
 * first k ranks.
 * <ul>
 *   <li><b>AP@all, plain</b> ({@link #averagePrecision}): (1/R) Σ_{k: rel_k} P@k over the whole ranking read in the
 *       plain order of {@link Ranking} (ties by ascending gallery index).</li>
 *   <li><b>AP@all, tie-aware</b> ({@link #tieAwareAveragePrecision}): the expectation of plain AP over all orderings
 *       of the items inside each tie group, each ordering equally likely (McSherry &amp; Najork, "Computing
 *       information retrieval performance measures efficiently in the presence of tied scores", ECIR 2008). Closed
 *       form, O(N): for a group of n items of which r are relevant, preceded by b items of which c are relevant,
 *       a relevant item of the group lands at group position j (1..n) with probability 1/n, and given j the number of
 *       the other r−1 relevant items ahead of it is hypergeometric with mean (j−1)(r−1)/(n−1). Because the
 *       denominator b+j is fixed given j, linearity of expectation gives the group's exact contribution
 *       <pre>  (r/n) Σ_{j=1..n} (c + 1 + (j−1)(r−1)/(n−1)) / (b + j)        (the fraction read as 0 when n = 1)</pre>
 *       and AP = (1/R) Σ_groups contribution.</li>
 *   <li><b>AP@K</b> ({@link #averagePrecisionAtK}): (1/min(K, R)) Σ_{k ≤ K, rel_k} P@k, plain order. Normalised by
 *       min(K, R) (not by the number of relevant items retrieved), so a perfect top-K scores 1 and a top-K that misses
 *       relevant items is penalised.</li>
 *   <li><b>P@K</b> ({@link #precisionAtK}): relevant items among the first K / K, plain order; 1 ≤ K ≤ gallery size,
 *       otherwise an {@link IllegalArgumentException}. {@link #tieAwarePrecisionAtK}: its expectation over tie
 *       orderings (the group straddling rank K contributes (K − b)·r/n).</li>
 *   <li><b>Precision–recall</b>: {@link #precisionAtRecallLevels} gives the raw curve, one point (i/R, P@k_i) at the
 *       rank k_i of the i-th relevant item; {@link #interpolatedPrecision} gives the interpolated curve at L equally
 *       spaced recall levels 0, 1/(L−1), …, 1 (L = 11 as in TREC, or 101), p(ρ) = max_{k: recall@k ≥ ρ} P@k.</li>
 * </ul>
 * A query with no relevant gallery item has undefined AP: the AP methods return {@code NaN}, and
 * {@link Evaluation} leaves such queries out of the means and counts them.
 */
public final class RetrievalMetrics {
    private RetrievalMetrics() {
    }

    public static int relevantCount(boolean[] rel) {
        int r = 0;
        for (boolean b : rel) {
            if (b) {
                r++;
            }
        }
        return r;
    }

    /** AP@all in the plain order; NaN if nothing is relevant. */
    public static double averagePrecision(boolean[] rel) {
        int total = relevantCount(rel);
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int hits = 0;
        for (int k = 0; k < rel.length; k++) {
            if (rel[k]) {
                hits++;
                sum += (double) hits / (k + 1);
            }
        }
        return sum / total;
    }

    /** Tie-aware AP@all (McSherry &amp; Najork 2008), exact closed form; NaN if nothing is relevant. */
    public static double tieAwareAveragePrecision(boolean[] rel, int[] groupEnds) {
        checkGroups(rel, groupEnds);
        int total = relevantCount(rel);
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int before = 0;
        int relBefore = 0;
        for (int end : groupEnds) {
            int n = end - before;
            int r = 0;
            for (int k = before; k < end; k++) {
                if (rel[k]) {
                    r++;
                }
            }
            if (r > 0) {
                double slope = n > 1 ? (double) (r - 1) / (n - 1) : 0.0;
                double g = 0;
                for (int j = 1; j <= n; j++) {
                    g += (relBefore + 1 + (j - 1) * slope) / (before + j);
                }
                sum += g * r / n;
            }
            before = end;
            relBefore += r;
        }
        return sum / total;
    }

    /** AP@K normalised by min(K, R), plain order; NaN if nothing is relevant. */
    public static double averagePrecisionAtK(boolean[] rel, int k) {
        checkK(rel.length, k);
        int total = relevantCount(rel);
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < k; i++) {
            if (rel[i]) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(k, total);
    }

    /** P@K, plain order. */
    public static double precisionAtK(boolean[] rel, int k) {
        checkK(rel.length, k);
        int hits = 0;
        for (int i = 0; i < k; i++) {
            if (rel[i]) {
                hits++;
            }
        }
        return (double) hits / k;
    }

    /** Expected P@K over the orderings inside tie groups. */
    public static double tieAwarePrecisionAtK(boolean[] rel, int[] groupEnds, int k) {
        checkK(rel.length, k);
        checkGroups(rel, groupEnds);
        double hits = 0;
        int before = 0;
        for (int end : groupEnds) {
            int r = 0;
            for (int i = before; i < end; i++) {
                if (rel[i]) {
                    r++;
                }
            }
            if (end <= k) {
                hits += r;
            } else {
                hits += (double) (k - before) * r / (end - before);
                break;
            }
            before = end;
        }
        return hits / k;
    }

    /**
     * Raw precision–recall points, plain order: for the i-th relevant item (1-based) at rank k_i, the point
     * (recall i/R, precision i/k_i). Returns {recalls, precisions}; both empty if nothing is relevant.
     */
    public static double[][] precisionAtRecallLevels(boolean[] rel) {
        int total = relevantCount(rel);
        double[] recall = new double[total];
        double[] precision = new double[total];
        int hits = 0;
        for (int k = 0; k < rel.length; k++) {
            if (rel[k]) {
                recall[hits] = (double) (hits + 1) / total;
                precision[hits] = (double) (hits + 1) / (k + 1);
                hits++;
            }
        }
        return new double[][]{recall, precision};
    }

    /**
     * Interpolated precision at {@code levels} equally spaced recall levels ρ_l = l/(levels−1), l = 0..levels−1:
     * p(ρ) = max over ranks k with recall@k ≥ ρ of P@k. Returns NaN entries if nothing is relevant.
     */
    public static double[] interpolatedPrecision(boolean[] rel, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("need at least 2 recall levels, got " + levels);
        }
        double[] out = new double[levels];
        double[][] raw = precisionAtRecallLevels(rel);
        double[] recall = raw[0];
        double[] precision = raw[1];
        if (recall.length == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        // Only ranks holding a relevant item can be maxima of precision for a given recall, so the running maximum
        // from the end over the raw points is the interpolated curve.
        double[] maxFrom = new double[recall.length];
        double m = 0;
        for (int i = recall.length - 1; i >= 0; i--) {
            m = Math.max(m, precision[i]);
            maxFrom[i] = m;
        }
        int i = 0;
        for (int l = 0; l < levels; l++) {
            double rho = (double) l / (levels - 1);
            // first raw point with recall >= rho (tolerance for l/(levels-1) vs i/R rounding)
            while (i < recall.length && recall[i] < rho - 1e-12) {
                i++;
            }
            out[l] = maxFrom[Math.min(i, recall.length - 1)];
        }
        return out;
    }

    static void checkK(int gallerySize, int k) {
        if (k < 1 || k > gallerySize) {
            throw new IllegalArgumentException("K = " + k + " is outside 1.." + gallerySize
                    + " (the gallery has " + gallerySize + " items)");
        }
    }

    private static void checkGroups(boolean[] rel, int[] groupEnds) {
        int prev = 0;
        for (int e : groupEnds) {
            if (e <= prev) {
                throw new IllegalArgumentException("tie group ends must be strictly increasing");
            }
            prev = e;
        }
        if (prev != rel.length) {
            throw new IllegalArgumentException("tie groups end at " + prev + " but the ranking has " + rel.length
                    + " items");
        }
    }
}
