package org.sketchfind.engine.train;

import org.sketchfind.engine.model.ZsihConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How far the in-batch semantic graph of Eq. 3, A_jk = exp(−‖s_j − s_k‖² / t), reaches across classes for given
 * class vectors and kernel width t: a diagnostic for choosing t, printed by {@code train} and written into the model
 * card. t is in the units of the squared distances, so a t that suits unit-length word2vec vectors (the paper's 0.1)
 * can leave mean-GloVe vectors (norm ≈ 5, nearest seen class at d² ≈ 22) with a block-diagonal graph that passes
 * nothing between classes.
 *
 * @param t                       the kernel width measured
 * @param medianNearestDistanceSq median over classes of the squared distance to the nearest other class
 * @param medianNearestWeight     median over classes of that nearest class's weight exp(−d²/t)
 * @param crossClassShare         mean share of a row's weight Σ_k A_jk that comes from pairs of other classes, over
 *                                random batches of {@code batchSize} pairs with classes drawn uniformly (0: the
 *                                graph is block-diagonal; the paper's t ablation 1e-6 gives 0)
 */
public record GraphReach(double t, double medianNearestDistanceSq, double medianNearestWeight, double crossClassShare) {
    private static final int BATCHES = 64;

    /**
     * The reach of a run's graph: measured at the config's t, batch size and seed, or empty when the config does
     * not use the graph (the "graph convolution → fully-connected" ablation).
     */
    public static Optional<GraphReach> ofRun(ZsihConfig cfg, float[][] classVectors) {
        if (cfg.propagation() != ZsihConfig.Propagation.GRAPH_CONVOLUTION) {
            return Optional.empty();
        }
        return Optional.of(of(classVectors, cfg.t(), cfg.batchSize(), cfg.seed()));
    }

    /** Measures the reach for {@code classVectors} (one row per class, at least 2) at width {@code t}. */
    public static GraphReach of(float[][] classVectors, double t, int batchSize, long seed) {
        int n = classVectors.length;
        if (n < 2 || !(t > 0)) {
            throw new IllegalArgumentException("need at least 2 class vectors and t > 0");
        }
        double[][] d2 = new double[n][n];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < classVectors[i].length; k++) {
                    double d = classVectors[i][k] - classVectors[j][k];
                    s += d * d;
                }
                d2[i][j] = s;
                d2[j][i] = s;
                nearest[i] = Math.min(nearest[i], s);
                nearest[j] = Math.min(nearest[j], s);
            }
        }
        double[] weights = Arrays.stream(nearest).map(x -> Math.exp(-x / t)).toArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        double share = 0;
        int[] c = new int[Math.max(2, batchSize)];
        for (int b = 0; b < BATCHES; b++) {
            for (int i = 0; i < c.length; i++) {
                c[i] = rnd.nextInt(n);
            }
            double rows = 0;
            for (int j = 0; j < c.length; j++) {
                double same = 0;
                double other = 0;
                for (int k = 0; k < c.length; k++) {
                    if (c[j] == c[k]) {
                        same += 1;
                    } else {
                        other += Math.exp(-d2[c[j]][c[k]] / t);
                    }
                }
                rows += other / (same + other);
            }
            share += rows / c.length;
        }
        return new GraphReach(t, median(nearest), median(weights), share / BATCHES);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** One line for the progress output and the model card. */
    public String describe() {
        return String.format(Locale.ROOT, "Eq. 3 graph at t = %s: nearest other class at median d² %.3g (weight %.2g);"
                + " %.1f%% of a pair's graph weight comes from other classes in a random batch%s",
                java.math.BigDecimal.valueOf(t).stripTrailingZeros().toPlainString(),
                medianNearestDistanceSq, medianNearestWeight, 100 * crossClassShare,
                crossClassShare < 1e-3 ? " (block-diagonal: nothing passes between classes)" : "");
    }
}
