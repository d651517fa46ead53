package org.sketchfind.engine.eval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Trustworthiness of an embedding (Venna &amp; Kaski, "Neighborhood preservation in nonlinear projection methods",
 * ICANN 2001):
 * <pre>  T(k) = 1 − 2 / (N k (2N − 3k − 1)) · Σ_i Σ_{j ∈ U_k(i)} (r(i, j) − k)</pre>
 * where U_k(i) are the points among i's k nearest neighbours in the embedding that are not among its k nearest in
 * the input space, and r(i, j) is j's rank (1 = nearest) by input-space distance from i. 1 means no false
 * neighbours; a random embedding scores about 0.5. Euclidean distances, ties broken by index. Needs k &lt; N/2.
 */
public final class Trustworthiness {
    private Trustworthiness() {
    }

    public static double of(double[][] high, double[][] low, int k) {
        int n = high.length;
        if (low.length != n) {
            throw new IllegalArgumentException(n + " input points but " + low.length + " embedded points");
        }
        if (k < 1 || 2 * k >= n) {
            throw new IllegalArgumentException("trustworthiness needs 1 ≤ k < N/2; k = " + k + ", N = " + n);
        }
        long penalty = IntStream.range(0, n).parallel().mapToLong(i -> {
            int[] highOrder = order(high, i);
            int[] rank = new int[n];
            for (int r = 0; r < highOrder.length; r++) {
                rank[highOrder[r]] = r + 1;
            }
            int[] lowOrder = order(low, i);
            long s = 0;
            for (int m = 0; m < k; m++) {
                int j = lowOrder[m];
                if (rank[j] > k) {
                    s += rank[j] - k;
                }
            }
            return s;
        }).sum();
        return 1.0 - 2.0 * penalty / ((double) n * k * (2.0 * n - 3.0 * k - 1.0));
    }

    /** The other points ordered by distance from point i, ties by index. */
    private static int[] order(double[][] x, int i) {
        int n = x.length;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int t = 0; t < x[i].length; t++) {
                double diff = x[i][t] - x[j][t];
                s += diff * diff;
            }
            d[j] = s;
        }
        Integer[] idx = new Integer[n - 1];
        for (int j = 0, w = 0; j < n; j++) {
            if (j != i) {
                idx[w++] = j;
            }
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(d[a], d[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
