package org.sketchfind.engine.eval;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.job.CancellationToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarnesHutTsneTest {

    /** {@code clusters} isotropic Gaussian clusters (σ = 1) with centres N(0, spread²) in {@code dims} dimensions. */
    static double[][] gaussianClusters(int n, int dims, int clusters, double spread, long seed, int[] labels) {
        Random rnd = new Random(seed);
        double[][] centres = new double[clusters][dims];
        for (double[] c : centres) {
            for (int d = 0; d < dims; d++) {
                c[d] = spread * rnd.nextGaussian();
            }
        }
        double[][] x = new double[n][dims];
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            if (labels != null) {
                labels[i] = c;
            }
            for (int d = 0; d < dims; d++) {
                x[i][d] = centres[c][d] + rnd.nextGaussian();
            }
        }
        return x;
    }

    // Trustworthiness by hand, N = 5, k = 1: input 1-D points 0, 1, 3, 7, 15; embedding swaps points 0 and 4:
    // 15, 1, 3, 7, 0. Nearest neighbour in the input: 0→1, 1→0, 2→1, 3→2, 4→3; in the embedding: 0→3, 1→4,
    // 2→1, 3→2, 4→1. False neighbours and their input ranks: 0→3 (distances from 0: 1, 3, 7, 15 → rank 3),
    // 1→4 (from 1: 1, 2, 6, 14 → rank 4), 4→1 (from 15: 8, 12, 14, 15 → rank 3). Penalty (3−1)+(4−1)+(3−1) = 7;
    // T = 1 − 2/(5·1·(10 − 3 − 1)) · 7 = 1 − 7/15 = 8/15.
    @Test
    void trustworthinessMatchesHandComputation() {
        double[][] high = {{0}, {1}, {3}, {7}, {15}};
        double[][] low = {{15}, {1}, {3}, {7}, {0}};
        assertEquals(8.0 / 15, Trustworthiness.of(high, low, 1), 1e-12);
        assertEquals(1.0, Trustworthiness.of(high, high, 2), 1e-12, "identity embedding keeps every neighbour");
        assertThrows(IllegalArgumentException.class, () -> Trustworthiness.of(high, low, 3));
    }

    @Test
    void randomEmbeddingIsUntrustworthy() {
        double[][] x = gaussianClusters(300, 32, 6, 6, 5, null);
        Random rnd = new Random(9);
        double[][] low = new double[x.length][2];
        for (double[] p : low) {
            p[0] = rnd.nextGaussian();
            p[1] = rnd.nextGaussian();
        }
        double t = Trustworthiness.of(x, low, 10);
        assertTrue(t < 0.6, "random 2-D points: T = " + t);
    }

    @Test
    void perplexityCalibrationHitsTheTargetEntropy() {
        Random rnd = new Random(2);
        double[] d2 = new double[90];
        for (int m = 0; m < d2.length; m++) {
            d2[m] = 0.5 + 3 * rnd.nextDouble();
        }
        double[] p = BarnesHutTsne.gaussianRow(d2, 30);
        double h = 0, sum = 0;
        for (double v : p) {
            sum += v;
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(Math.log(30), h, 1e-4, "entropy of p_{.|i} = log perplexity");
    }

    @Test
    void klFallsAndClustersAreTrustworthy() {
        int[] labels = new int[600];
        double[][] x = gaussianClusters(600, 64, 10, 4, 11, labels);
        List<double[]> kls = new ArrayList<>();
        BarnesHutTsne.Result r = BarnesHutTsne.embed(x, BarnesHutTsne.Config.defaults().withIterations(750),
                (it, total, kl) -> {
                    if (!Double.isNaN(kl)) {
                        kls.add(new double[]{it, kl});
                    }
                }, CancellationToken.none());
        assertEquals(15, r.kl().length);
        assertEquals(15, kls.size(), "listener saw every KL measurement");
        double first = r.kl()[0];
        double afterExaggeration = r.kl()[5]; // iteration 300
        double last = r.finalKl();
        System.out.printf(Locale.ROOT, "KL at 50: %.4f, 300: %.4f, 750: %.4f%n", first, afterExaggeration, last);
        assertTrue(last < first * 0.7, "KL falls: " + first + " → " + last);
        assertTrue(last <= afterExaggeration + 1e-9, "KL keeps falling after exaggeration: "
                + afterExaggeration + " → " + last);
        for (int t = 6; t < r.kl().length; t++) {
            assertTrue(r.kl()[t] <= r.kl()[t - 1] * 1.02, "KL rose at iteration " + r.klIterations()[t]);
        }
        double trust = Trustworthiness.of(x, r.embedding(), 12);
        System.out.printf(Locale.ROOT, "trustworthiness(k=12) = %.4f%n", trust);
        assertTrue(trust > 0.9, "trustworthiness " + trust);
        // clusters are separated: each point's nearest embedded neighbour has its label
        int agree = 0;
        double[][] y = r.embedding();
        for (int i = 0; i < y.length; i++) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                double dx = y[i][0] - y[j][0], dy = y[i][1] - y[j][1];
                double d = dx * dx + dy * dy;
                if (j != i && d < bd) {
                    bd = d;
                    best = j;
                }
            }
            if (labels[best] == labels[i]) {
                agree++;
            }
        }
        assertTrue(agree > 0.95 * y.length, "1-NN label agreement in the embedding: " + agree + "/" + y.length);
    }

    @Test
    void deterministicForASeedAndIndependentOfThreads() {
        double[][] x = gaussianClusters(200, 24, 4, 5, 3, null);
        BarnesHutTsne.Config cfg = BarnesHutTsne.Config.defaults().withPerplexity(15).withIterations(300);
        double[][] a = BarnesHutTsne.embed(x, cfg.withThreads(2)).embedding();
        double[][] b = BarnesHutTsne.embed(x, cfg.withThreads(2)).embedding();
        double[][] c = BarnesHutTsne.embed(x, cfg.withThreads(1)).embedding();
        double[][] d = BarnesHutTsne.embed(x, cfg.withSeed(43)).embedding();
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "same seed, same result");
            assertArrayEquals(a[i], c[i], 0.0, "thread count does not change the result");
        }
        boolean differs = false;
        for (int i = 0; i < x.length && !differs; i++) {
            differs = a[i][0] != d[i][0];
        }
        assertTrue(differs, "another seed gives another embedding");
    }

    @Test
    void codesEmbedAsZeroOneCoordinates() {
        long[][] codes = {{0b1011L}, {0L}};
        double[][] x = BarnesHutTsne.fromCodes(codes, 4);
        assertArrayEquals(new double[]{1, 1, 0, 1}, x[0]);
        assertArrayEquals(new double[]{0, 0, 0, 0}, x[1]);
    }

    @Test
    void badInputIsRejectedAndCancellationStops() {
        assertThrows(IllegalArgumentException.class,
                () -> BarnesHutTsne.embed(new double[3][2], BarnesHutTsne.Config.defaults()));
        double[][] small = gaussianClusters(50, 4, 2, 3, 1, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarnesHutTsne.embed(small, BarnesHutTsne.Config.defaults()));
        assertTrue(e.getMessage().contains("perplexity"), e.getMessage());
        double[][] nan = gaussianClusters(100, 4, 2, 3, 1, null);
        nan[7][2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> BarnesHutTsne.embed(nan,
                BarnesHutTsne.Config.defaults().withPerplexity(10)));
        int[] iterations = {0};
        CancellationToken cancel = new CancellationToken();
        CancellationException stopped = assertThrows(CancellationException.class, () -> BarnesHutTsne.embed(
                gaussianClusters(100, 4, 2, 3, 1, null), BarnesHutTsne.Config.defaults().withPerplexity(10),
                (it, total, kl) -> {
                    iterations[0] = it;
                    if (it == 5) {
                        cancel.cancel();
                    }
                }, cancel));
        assertEquals(5, iterations[0], "no iteration after the cancel");
        assertTrue(stopped.getMessage().contains("iteration 6"), stopped.getMessage());
    }

    @Test
    void duplicatePointsDoNotBreakTheTree() {
        double[][] x = new double[120][8];
        for (int i = 0; i < x.length; i++) {
            x[i][i % 3] = 1; // only 3 distinct points, 40 copies each
        }
        BarnesHutTsne.Result r = BarnesHutTsne.embed(x, BarnesHutTsne.Config.defaults().withPerplexity(10)
                .withIterations(300));
        for (double[] p : r.embedding()) {
            assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]));
        }
    }

    /**
     * Real data: the 100 Sketchy images of src-test-data (50 photos, 50 sketches, 10 classes) as 24×24 gray pixel
     * vectors. Trustworthiness measures how well input-space neighbourhoods survive the embedding, whatever the
     * classes, so raw pixels are a fair real-data check. Raw pixels of 100 mixed photos and sketches have no tight
     * clusters, so instead of a fixed bar the check is comparative: t-SNE must keep neighbourhoods better than the
     * best linear 2-D map (the top two principal components) and far better than chance.
     */
    @Test
    void realImagesEmbedTrustworthily() throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String modality : new String[]{"photo", "sketch"}) {
            try (var classes = java.nio.file.Files.list(org.sketchfind.engine.TestData.path("sketchy", modality))) {
                for (java.nio.file.Path dir : classes.sorted().toList()) {
                    try (var files = java.nio.file.Files.list(dir)) {
                        for (java.nio.file.Path f : files.sorted().toList()) {
                            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
                            assertTrue(img != null, "decodes: " + f);
                            java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(24, 24,
                                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                            var g = small.createGraphics();
                            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                            g.drawImage(img, 0, 0, 24, 24, null);
                            g.dispose();
                            double[] v = new double[24 * 24];
                            small.getRaster().getPixels(0, 0, 24, 24, v);
                            rows.add(v);
                        }
                    }
                }
            }
        }
        assertEquals(100, rows.size());
        double[][] x = rows.toArray(new double[0][]);
        double[][] y = BarnesHutTsne.embed(x, BarnesHutTsne.Config.defaults().withPerplexity(10)).embedding();
        double trust = Trustworthiness.of(x, y, 5);
        double pca = Trustworthiness.of(x, pca2(x), 5);
        System.out.printf(Locale.ROOT, "real images: trustworthiness(k=5) t-SNE %.4f, PCA-2 %.4f%n", trust, pca);
        assertTrue(trust > pca, "t-SNE " + trust + " vs PCA " + pca);
        assertTrue(trust > 0.8, "trustworthiness on real images " + trust);
    }

    /** Projection on the top two principal components (eigenvectors of the centred Gram matrix, power iteration). */
    static double[][] pca2(double[][] x) {
        int n = x.length, d = x[0].length;
        double[][] c = new double[n][d];
        for (int k = 0; k < d; k++) {
            double m = 0;
            for (double[] row : x) {
                m += row[k];
            }
            m /= n;
            for (int i = 0; i < n; i++) {
                c[i][k] = x[i][k] - m;
            }
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += c[i][k] * c[j][k];
                }
                g[i][j] = s;
            }
        }
        double[][] out = new double[n][2];
        Random rnd = new Random(0);
        for (int comp = 0; comp < 2; comp++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextGaussian();
            }
            double lambda = 0;
            for (int it = 0; it < 500; it++) {
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        w[i] += g[i][j] * v[j];
                    }
                }
                double norm = 0;
                for (double t : w) {
                    norm += t * t;
                }
                norm = Math.sqrt(norm);
                lambda = norm;
                for (int i = 0; i < n; i++) {
                    v[i] = w[i] / norm;
                }
            }
            for (int i = 0; i < n; i++) {
                out[i][comp] = v[i] * Math.sqrt(lambda);
                for (int j = 0; j < n; j++) {
                    g[i][j] -= lambda * v[i] * v[j]; // deflate
                }
            }
        }
        return out;
    }
}
