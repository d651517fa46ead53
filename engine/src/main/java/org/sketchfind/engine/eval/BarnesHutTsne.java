package org.sketchfind.engine.eval;

import org.sketchfind.engine.job.CancellationToken;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Barnes–Hut t-SNE to 2-D (van der Maaten, "Accelerating t-SNE using tree-based algorithms", JMLR 15, 2014),
 * written here because no maintained Java t-SNE with a licence we can ship exists on Maven Central (see the eval
 * package's notes in the report: Smile 3+ is GPL-3.0, ELKI AGPL-3.0, com.jujutsu.tsne unmaintained since 2017,
 * deeplearning4j-tsne stops at 1.0.0-beta7).
 *
 * <ul>
 *   <li>Input similarities: exact k nearest neighbours (k = min(N−1, ⌊3·perplexity⌋), brute force, squared
 *       Euclidean distance on the input after centring and scaling by the largest absolute value), Gaussian
 *       conditionals p_{j|i} with σ_i found by binary search on β = 1/(2σ²) so that the entropy equals
 *       log(perplexity); P = (P + Pᵀ) / Σ, sparse.</li>
 *   <li>Gradient: attractive part exact over the sparse P, repulsive part by a quadtree ({@link QuadTree}) with
 *       accuracy θ; as in the reference implementation the constant factor 4 is folded into the learning rate.</li>
 *   <li>Optimiser: gradient descent with momentum 0.5 then 0.8 (switch at iteration 250), early exaggeration 12
 *       for the first 250 iterations, per-coordinate gains (+0.2 when the gradient's sign flips against the update,
 *       ×0.8 otherwise, floor 0.01), learning rate 200, embedding re-centred each iteration, initial points
 *       N(0, 10⁻⁸) from the seed.</li>
 *   <li>Threads: k-NN, the per-point forces and KL are split over a private pool; each point's result goes to its
 *       own slot and sums are taken in index order, so the result does not depend on the thread count.</li>
 * </ul>
 */
public final class BarnesHutTsne {

    /** Settings; {@link #defaults()} are the paper's (perplexity 30, θ 0.5, 1000 iterations). */
    public record Config(double perplexity, double theta, int iterations, double learningRate,
                         double earlyExaggeration, int exaggerationIterations, double initialMomentum,
                         double finalMomentum, int momentumSwitch, long seed, int threads, int klEvery) {
        public static Config defaults() {
            return new Config(30, 0.5, 1000, 200, 12, 250, 0.5, 0.8, 250, 42L,
                    Runtime.getRuntime().availableProcessors(), 50);
        }

        public Config withSeed(long s) {
            return new Config(perplexity, theta, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    initialMomentum, finalMomentum, momentumSwitch, s, threads, klEvery);
        }

        public Config withThreads(int t) {
            return new Config(perplexity, theta, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    initialMomentum, finalMomentum, momentumSwitch, seed, t, klEvery);
        }

        public Config withIterations(int it) {
            return new Config(perplexity, theta, it, learningRate, earlyExaggeration, exaggerationIterations,
                    initialMomentum, finalMomentum, momentumSwitch, seed, threads, klEvery);
        }

        public Config withPerplexity(double p) {
            return new Config(p, theta, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    initialMomentum, finalMomentum, momentumSwitch, seed, threads, klEvery);
        }
    }

    /** Progress: called after every iteration; {@code kl} is the exact KL(P‖Q) every {@code klEvery} iterations
     * and on the last, NaN otherwise. */
    public interface Listener {
        void iteration(int iteration, int total, double kl);
    }

    /**
     * @param embedding   N × 2
     * @param klIterations iterations (1-based) at which KL was measured
     * @param kl          exact KL(P‖Q) (un-exaggerated P) at those iterations
     */
    public record Result(double[][] embedding, int[] klIterations, double[] kl) {
        public double finalKl() {
            return kl.length == 0 ? Double.NaN : kl[kl.length - 1];
        }
    }

    private BarnesHutTsne() {
    }

    /** Binary codes as 0/1 coordinates (Euclidean distance² on them = Hamming distance). */
    public static double[][] fromCodes(long[][] codes, int bits) {
        double[][] x = new double[codes.length][bits];
        for (int i = 0; i < codes.length; i++) {
            for (int b = 0; b < bits; b++) {
                x[i][b] = (codes[i][b >>> 6] >>> (b & 63) & 1L);
            }
        }
        return x;
    }

    public static double[][] fromFloats(float[][] v) {
        double[][] x = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            x[i] = new double[v[i].length];
            for (int d = 0; d < v[i].length; d++) {
                x[i][d] = v[i][d];
            }
        }
        return x;
    }

    public static Result embed(double[][] x, Config cfg) {
        return embed(x, cfg, null, CancellationToken.none());
    }

    /**
     * Embeds the rows of {@code x} in 2-D.
     *
     * @throws IllegalArgumentException on fewer than 4 points, ragged or non-finite input, or a perplexity that
     *                                  needs more neighbours than there are points (3·perplexity ≥ N)
     * @throws CancellationException    when {@code cancel} is cancelled (checked every iteration; a paused token
     *                                  holds the optimisation between iterations)
     */
    public static Result embed(double[][] x, Config cfg, Listener listener, CancellationToken cancel) {
        int n = x.length;
        validate(x, cfg);
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, cfg.threads()));
        try {
            Sparse p = inputSimilarities(normalise(x), cfg.perplexity(), pool);
            return optimise(p, n, cfg, listener, cancel, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void validate(double[][] x, Config cfg) {
        int n = x.length;
        if (n < 4) {
            throw new IllegalArgumentException("t-SNE needs at least 4 points, got " + n);
        }
        int d = x[0].length;
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has " + x[i].length + " dimensions, expected " + d);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("point " + i + " has a non-finite coordinate");
                }
            }
        }
        if (cfg.perplexity() <= 0 || 3 * cfg.perplexity() > n - 1) {
            throw new IllegalArgumentException("perplexity " + cfg.perplexity() + " is too large for " + n
                    + " points (needs 3·perplexity ≤ N − 1)");
        }
        if (cfg.theta() < 0 || cfg.iterations() < 1 || cfg.learningRate() <= 0) {
            throw new IllegalArgumentException("bad t-SNE settings: " + cfg);
        }
    }

    /** Centres the data and divides by the largest absolute coordinate (as the reference implementation does). */
    static double[][] normalise(double[][] x) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        double max = 0;
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                out[i][k] = x[i][k] - mean[k];
                max = Math.max(max, Math.abs(out[i][k]));
            }
        }
        if (max > 0) {
            for (double[] row : out) {
                for (int k = 0; k < d; k++) {
                    row[k] /= max;
                }
            }
        }
        return out;
    }

    /** Symmetric sparse matrix in compressed rows. */
    record Sparse(int[] rowStart, int[] col, double[] val) {
    }

    /** Sparse symmetric input affinities P (sums to 1). */
    static Sparse inputSimilarities(double[][] x, double perplexity, ForkJoinPool pool) {
        int n = x.length;
        int k = Math.min(n - 1, (int) (3 * perplexity));
        int[][] nbr = new int[n][];
        double[][] cond = new double[n][];
        run(pool, n, i -> {
            double[] d2 = new double[n];
            double[] xi = x[i];
            for (int j = 0; j < n; j++) {
                double s = 0;
                double[] xj = x[j];
                for (int t = 0; t < xi.length; t++) {
                    double diff = xi[t] - xj[t];
                    s += diff * diff;
                }
                d2[j] = s;
            }
            int[] idx = nearest(d2, i, k);
            double[] dist = new double[k];
            for (int m = 0; m < k; m++) {
                dist[m] = d2[idx[m]];
            }
            nbr[i] = idx;
            cond[i] = gaussianRow(dist, perplexity);
        });
        // symmetrise: P_ij = (p_j|i + p_i|j) / (2N); rows built from both directions, duplicates merged
        int[] deg = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j : nbr[i]) {
                deg[i]++;
                deg[j]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + deg[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        long[] keyCol = new long[start[n]];
        double[] v = new double[start[n]];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < nbr[i].length; m++) {
                int j = nbr[i][m];
                double pv = cond[i][m];
                keyCol[fill[i]] = j;
                v[fill[i]++] = pv;
                keyCol[fill[j]] = i;
                v[fill[j]++] = pv;
            }
        }
        int[] outStart = new int[n + 1];
        int[] outCol = new int[start[n]];
        double[] outVal = new double[start[n]];
        int w = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            outStart[i] = w;
            int a = start[i], b = start[i + 1];
            Integer[] order = new Integer[b - a];
            for (int t = 0; t < order.length; t++) {
                order[t] = a + t;
            }
            Arrays.sort(order, (p1, p2) -> Long.compare(keyCol[p1], keyCol[p2]));
            for (int t = 0; t < order.length; t++) {
                int c = (int) keyCol[order[t]];
                if (w > outStart[i] && outCol[w - 1] == c) {
                    outVal[w - 1] += v[order[t]];
                } else {
                    outCol[w] = c;
                    outVal[w++] = v[order[t]];
                }
                total += v[order[t]];
            }
        }
        outStart[n] = w;
        for (int t = 0; t < w; t++) {
            outVal[t] /= total;
        }
        return new Sparse(outStart, Arrays.copyOf(outCol, w), Arrays.copyOf(outVal, w));
    }

    /** The k smallest entries of d2 other than {@code self}, nearest first, ties by index. */
    static int[] nearest(double[] d2, int self, int k) {
        // bounded max-heap of (distance, index)
        int[] heap = new int[k];
        int size = 0;
        for (int j = 0; j < d2.length; j++) {
            if (j == self) {
                continue;
            }
            if (size < k) {
                heap[size] = j;
                siftUp(heap, size++, d2);
            } else if (less(j, heap[0], d2)) {
                heap[0] = j;
                siftDown(heap, size, d2);
            }
        }
        Integer[] out = new Integer[size];
        for (int t = 0; t < size; t++) {
            out[t] = heap[t];
        }
        Arrays.sort(out, (a, b) -> less(a, b, d2) ? -1 : less(b, a, d2) ? 1 : 0);
        int[] r = new int[size];
        for (int t = 0; t < size; t++) {
            r[t] = out[t];
        }
        return r;
    }

    private static boolean less(int a, int b, double[] d) {
        return d[a] < d[b] || (d[a] == d[b] && a < b);
    }

    private static void siftUp(int[] h, int i, double[] d) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (less(h[parent], h[i], d)) {
                int t = h[parent];
                h[parent] = h[i];
                h[i] = t;
                i = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] h, int size, double[] d) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, big = i;
            if (l < size && less(h[big], h[l], d)) {
                big = l;
            }
            if (r < size && less(h[big], h[r], d)) {
                big = r;
            }
            if (big == i) {
                return;
            }
            int t = h[big];
            h[big] = h[i];
            h[i] = t;
            i = big;
        }
    }

    /**
     * Conditional probabilities p_{j|i} ∝ exp(−β d²_ij) over the neighbours, β by binary search so that the
     * Shannon entropy (nats) equals log(perplexity) within 1e-5 (at most 200 steps).
     */
    static double[] gaussianRow(double[] d2, double perplexity) {
        double target = Math.log(perplexity);
        double beta = 1, lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        double[] p = new double[d2.length];
        double min = Double.POSITIVE_INFINITY;
        for (double v : d2) {
            min = Math.min(min, v);
        }
        for (int iter = 0; iter < 200; iter++) {
            double sum = 0, dot = 0;
            for (int m = 0; m < d2.length; m++) {
                p[m] = Math.exp(-beta * (d2[m] - min)); // shifted by the nearest distance: same normalised p
                sum += p[m];
                dot += p[m] * (d2[m] - min);
            }
            double h = Math.log(sum) + beta * dot / sum;
            if (Math.abs(h - target) < 1e-5) {
                break;
            }
            if (h > target) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        double sum = 0;
        for (int m = 0; m < d2.length; m++) {
            p[m] = Math.exp(-beta * (d2[m] - min));
            sum += p[m];
        }
        for (int m = 0; m < d2.length; m++) {
            p[m] /= sum;
        }
        return p;
    }

    private static Result optimise(Sparse p, int n, Config cfg, Listener listener, CancellationToken cancel,
                                   ForkJoinPool pool) {
        Random rnd = new Random(cfg.seed());
        double[] y = new double[2 * n];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1e-4 * rnd.nextGaussian();
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1.0);
        double[] grad = new double[2 * n];
        double[] neg = new double[2 * n];
        double[] rowQ = new double[n];
        int total = cfg.iterations();
        int klCount = 0;
        int[] klIt = new int[total / Math.max(1, cfg.klEvery()) + 2];
        double[] klVal = new double[klIt.length];
        for (int it = 1; it <= total; it++) {
            cancel.throwIfCancelled("t-SNE at iteration " + it);
            double exaggeration = it <= cfg.exaggerationIterations() ? cfg.earlyExaggeration() : 1.0;
            double momentum = it <= cfg.momentumSwitch() ? cfg.initialMomentum() : cfg.finalMomentum();
            QuadTree tree = new QuadTree(y, n);
            int chunk = Math.max(64, n / (8 * Math.max(1, cfg.threads())));
            int chunks = (n + chunk - 1) / chunk;
            run(pool, chunks, c -> {
                int[] stack = new int[QuadTree.stackSize()];
                double[] f = new double[2];
                int from = c * chunk, to = Math.min(n, from + chunk);
                for (int i = from; i < to; i++) {
                    f[0] = 0;
                    f[1] = 0;
                    rowQ[i] = tree.repulsion(i, cfg.theta(), stack, f);
                    neg[2 * i] = f[0];
                    neg[2 * i + 1] = f[1];
                    // attractive forces: Σ_j p_ij q_ij Z (y_i − y_j)
                    double ax = 0, ay = 0;
                    double yx = y[2 * i], yy = y[2 * i + 1];
                    for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                        int j = p.col()[e];
                        double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                        double w = p.val()[e] * exaggeration / (1 + dx * dx + dy * dy);
                        ax += w * dx;
                        ay += w * dy;
                    }
                    grad[2 * i] = ax;
                    grad[2 * i + 1] = ay;
                }
            });
            double sumQ = 0;
            for (int i = 0; i < n; i++) {
                sumQ += rowQ[i];
            }
            double meanX = 0, meanY = 0;
            for (int t = 0; t < 2 * n; t++) {
                double g = grad[t] - neg[t] / sumQ;
                gains[t] = Math.signum(g) != Math.signum(update[t]) ? gains[t] + 0.2 : gains[t] * 0.8;
                if (gains[t] < 0.01) {
                    gains[t] = 0.01;
                }
                update[t] = momentum * update[t] - cfg.learningRate() * gains[t] * g;
                y[t] += update[t];
                if ((t & 1) == 0) {
                    meanX += y[t];
                } else {
                    meanY += y[t];
                }
            }
            meanX /= n;
            meanY /= n;
            for (int i = 0; i < n; i++) {
                y[2 * i] -= meanX;
                y[2 * i + 1] -= meanY;
            }
            double kl = Double.NaN;
            if (cfg.klEvery() > 0 && (it % cfg.klEvery() == 0 || it == total)) {
                kl = klDivergence(p, y, n, pool);
                klIt[klCount] = it;
                klVal[klCount++] = kl;
            }
            if (listener != null) {
                listener.iteration(it, total, kl);
            }
        }
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = y[2 * i];
            out[i][1] = y[2 * i + 1];
        }
        return new Result(out, Arrays.copyOf(klIt, klCount), Arrays.copyOf(klVal, klCount));
    }

    /** Exact KL(P‖Q) = Σ p_ij log(p_ij / q_ij) with Q from all N² pairs (O(N²), used only for monitoring). */
    static double klDivergence(Sparse p, double[] y, int n, ForkJoinPool pool) {
        double[] rowZ = new double[n];
        double[] rowKl = new double[n];
        run(pool, n, i -> {
            double yx = y[2 * i], yy = y[2 * i + 1];
            double z = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                    z += 1 / (1 + dx * dx + dy * dy);
                }
            }
            rowZ[i] = z;
            double s = 0;
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.col()[e];
                double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                double pij = p.val()[e];
                // log(p / (w / Z)) = log p − log w + log Z; the log Z term is added once below
                s += pij * (Math.log(pij) + Math.log(1 + dx * dx + dy * dy));
            }
            rowKl[i] = s;
        });
        double z = 0, kl = 0, pSum = 0;
        for (int i = 0; i < n; i++) {
            z += rowZ[i];
            kl += rowKl[i];
        }
        for (double v : p.val()) {
            pSum += v;
        }
        return kl + pSum * Math.log(z);
    }

    private static void run(ForkJoinPool pool, int count, IntConsumer body) {
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("t-SNE interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }
}
