package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.code.Codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A DSH-style cross-modal hashing baseline (Liu, Shen, Shen, Liu &amp; Shao, "Deep Sketch Hashing: Fast Free-hand
 * Sketch-Based Image Retrieval", CVPR 2017), trained on seen classes without any semantic transfer — the "DSH" row of
 * the ZSIH paper's tables.
 *
 * <p>What is kept from DSH: two modality-specific encoders into one Hamming space, a classification-driven code
 * (a linear classifier over the seen classes on the codes, shared by both modalities, cross-entropy), a
 * quantisation loss pulling the relaxed codes towards ±1, and cross-modal alignment through per-class binary codes
 * B_c ∈ {−1, +1}^M that both modalities' codes are pulled towards, updated alternately with the networks (DSH's
 * discrete step).
 *
 * <p>Simplifications (named): (1) frozen backbone pooled features instead of DSH's trained C-S/C-P two-branch CNNs
 * and sketch-tokens — each modality gets an MLP {@code d → hidden (ReLU) → M (tanh)} on standardised features;
 * (2) the discrete step is the closed-form B_c = sgn(Σ of both modalities' relaxed codes of class c), taken once
 * per epoch over the codes the epoch's steps computed (from the untrained networks before the first epoch), not
 * DSH's joint solve with the classifier term; (3) no semi-heterogeneous (Siamese/triplet) ranking loss.
 *
 * <p>Loss per modality batch: CE(softmax(h W_c + b_c), y) + α‖h − B_y‖²/M + γ‖h − sgn h‖²/M (means over the batch),
 * plus weight decay; Adam; gradients written out by hand, plain-Java float matrices ({@link Dense}). Bit i = 1 iff h_i ≥ 0. Seeded: initial weights,
 * initial class codes and batch order come from {@link Config#seed()}; a fit is repeatable.
 */
public final class DshBaseline implements Baseline {
    public static final String NAME = "dsh";

    /**
     * @param hidden       width of each modality's hidden layer
     * @param epochs       passes over the larger modality
     * @param batchSize    items per modality per step
     * @param learningRate Adam step size
     * @param alignWeight  α, pull towards the per-class binary code
     * @param quantWeight  γ, pull towards ±1
     * @param weightDecay  L2 on the weight matrices
     * @param seed         seed of initial weights, class codes and batch order
     */
    public record Config(int hidden, int epochs, int batchSize, double learningRate, double alignWeight,
                         double quantWeight, double weightDecay, long seed) {
        public Config {
            if (hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0) || alignWeight < 0
                    || quantWeight < 0 || weightDecay < 0) {
                throw new IllegalArgumentException("invalid DSH config: " + this);
            }
        }

        public static Config defaults(long seed) {
            return new Config(512, 25, 128, 1e-3, 1.0, 0.1, 1e-4, seed);
        }

        public Config withEpochs(int e) {
            return new Config(hidden, e, batchSize, learningRate, alignWeight, quantWeight, weightDecay, seed);
        }

        public Config withSeed(long s) {
            return new Config(hidden, epochs, batchSize, learningRate, alignWeight, quantWeight, weightDecay, s);
        }
    }

    /** Mean loss terms of one epoch (sum over both modalities). */
    public record EpochLoss(int epoch, double total, double crossEntropy, double alignment, double quantisation) {
    }

    private final int bits;
    private final Config config;
    private Branch sketch;
    private Branch photo;
    private float[] featureMean;
    private float[] featureInvStd;
    private List<EpochLoss> history = List.of();
    private double trainingSeconds;

    public DshBaseline(int bits, long seed) {
        this(bits, Config.defaults(seed));
    }

    public DshBaseline(int bits, Config config) {
        Codes.words(bits);
        this.bits = bits;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Integer bits() {
        return bits;
    }

    public Config config() {
        return config;
    }

    /** Loss per epoch of the last fit. */
    public List<EpochLoss> history() {
        return history;
    }

    /** Wall time of the last fit, seconds. */
    public double trainingSeconds() {
        return trainingSeconds;
    }

    /** A parameter with its Adam moments. */
    private static final class Param {
        final float[] value, m, v;
        final boolean decay;

        Param(float[] value, boolean decay) {
            this.value = value;
            this.m = new float[value.length];
            this.v = new float[value.length];
            this.decay = decay;
        }

        void adam(float[] g, double lr, double wd, int t) {
            double b1 = 0.9, b2 = 0.999, eps = 1e-8;
            double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < value.length; i++) {
                double gi = g[i] + (decay ? wd * value[i] : 0);
                m[i] = (float) (b1 * m[i] + (1 - b1) * gi);
                v[i] = (float) (b2 * v[i] + (1 - b2) * gi * gi);
                value[i] -= (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps));
            }
        }
    }

    /** One modality's MLP d → hidden (ReLU) → M (tanh). */
    private static final class Branch {
        final int d, h, m;
        final Param w1, b1, w2, b2;

        Branch(int d, int h, int m, Random rnd) {
            this.d = d;
            this.h = h;
            this.m = m;
            w1 = new Param(gaussian(d * h, Math.sqrt(2.0 / d), rnd), true);
            b1 = new Param(new float[h], false);
            w2 = new Param(gaussian(h * m, Math.sqrt(1.0 / h), rnd), true);
            b2 = new Param(new float[m], false);
        }

        /** Forward pass of n rows; returns {h1 (post-ReLU), codes (tanh)}. */
        float[][] forward(float[] x, int n) {
            float[] h1 = Dense.mul(x, n, d, w1.value, h);
            Dense.addRow(h1, n, h, b1.value);
            for (int i = 0; i < h1.length; i++) {
                if (h1[i] < 0) {
                    h1[i] = 0;
                }
            }
            float[] out = Dense.mul(h1, n, h, w2.value, m);
            Dense.addRow(out, n, m, b2.value);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.tanh(out[i]);
            }
            return new float[][]{h1, out};
        }
    }

    private static float[] gaussian(int size, double std, Random rnd) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (rnd.nextGaussian() * std);
        }
        return a;
    }

    @Override
    public void fit(TrainingFeatures seenOnly) {
        long t0 = System.nanoTime();
        FeatureSet f = seenOnly.features();
        if (f.sketches().length == 0 || f.photos().length == 0) {
            throw new IllegalArgumentException(NAME + " needs sketches and photos of seen classes");
        }
        int d = f.featureDims();
        int classes = f.classNames().size();
        Random rnd = new Random(config.seed());

        float[][] pooled = seenOnly.pooled();
        double[] mean = new double[d], sq = new double[d];
        for (float[] row : pooled) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= pooled.length;
        }
        for (float[] row : pooled) {
            for (int j = 0; j < d; j++) {
                sq[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        featureMean = new float[d];
        featureInvStd = new float[d];
        for (int j = 0; j < d; j++) {
            featureMean[j] = (float) mean[j];
            featureInvStd[j] = (float) (1 / (Math.sqrt(sq[j] / pooled.length) + 1e-6));
        }
        float[] xs = standardise(f.sketches()), xp = standardise(f.photos());
        int[] ys = f.sketchLabels(), yp = f.photoLabels();

        sketch = new Branch(d, config.hidden(), bits, rnd);
        photo = new Branch(d, config.hidden(), bits, rnd);
        Param wc = new Param(gaussian(bits * classes, Math.sqrt(1.0 / bits), rnd), true);
        Param bc = new Param(new float[classes], false);

        int[] permS = identity(ys.length), permP = identity(yp.length);
        int steps = (Math.max(ys.length, yp.length) + config.batchSize() - 1) / config.batchSize();
        List<EpochLoss> hist = new ArrayList<>();
        int t = 0;
        double lr = config.learningRate(), wd = config.weightDecay();
        // initial class codes from the untrained networks; afterwards from the codes computed during each epoch
        float[] classCodes = classCodes(xs, ys, xp, yp, classes);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(permS, rnd);
            shuffle(permP, rnd);
            double[] sums = new double[3];
            double[] codeSums = new double[classes * bits];
            for (int s = 0; s < steps; s++) {
                t++;
                int[] bs = batch(permS, s, config.batchSize());
                int[] bp = batch(permP, s, config.batchSize());
                float[] gWc = new float[bits * classes];
                float[] gBc = new float[classes];
                int[] ls = labels(ys, bs), lp = labels(yp, bp);
                float[][] gradS = step(sketch, rows(xs, d, bs), ls, wc.value, bc.value, classes, classCodes, gWc,
                        gBc, sums, codeSums);
                float[][] gradP = step(photo, rows(xp, d, bp), lp, wc.value, bc.value, classes, classCodes, gWc,
                        gBc, sums, codeSums);
                apply(sketch, gradS, lr, wd, t);
                apply(photo, gradP, lr, wd, t);
                wc.adam(gWc, lr, wd, t);
                bc.adam(gBc, lr, wd, t);
            }
            hist.add(new EpochLoss(epoch, (sums[0] + sums[1] + sums[2]) / steps, sums[0] / steps,
                    sums[1] / steps, sums[2] / steps));
            classCodes = signs(codeSums, classCodes);
        }
        history = List.copyOf(hist);
        trainingSeconds = (System.nanoTime() - t0) / 1e9;
    }

    private static void apply(Branch b, float[][] g, double lr, double wd, int t) {
        b.w1.adam(g[0], lr, wd, t);
        b.b1.adam(g[1], lr, wd, t);
        b.w2.adam(g[2], lr, wd, t);
        b.b2.adam(g[3], lr, wd, t);
    }

    /**
     * Forward and backward of one modality's batch; adds its classifier gradients to gWc/gBc and its loss terms to
     * sums; returns the branch gradients {w1, b1, w2, b2}.
     */
    private float[][] step(Branch br, float[] x, int[] y, float[] wc, float[] bcv, int classes, float[] classCodes,
                           float[] gWc, float[] gBc, double[] sums, double[] codeSums) {
        int n = y.length, m = bits, hd = br.h;
        float[][] fw = br.forward(x, n);
        float[] h1 = fw[0], h = fw[1];
        accumulate(codeSums, h, y);
        float[] logits = Dense.mul(h, n, m, wc, classes);
        Dense.addRow(logits, n, classes, bcv);
        double ce = 0;
        float[] dLogits = new float[n * classes];
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[o + c]);
            }
            double z = 0;
            for (int c = 0; c < classes; c++) {
                z += Math.exp(logits[o + c] - max);
            }
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(logits[o + c] - max) / z;
                dLogits[o + c] = (float) ((p - (c == y[i] ? 1 : 0)) / n);
            }
            ce -= (logits[o + y[i]] - max - Math.log(z)) / n;
        }
        double align = 0, quant = 0;
        float[] dH = Dense.mulTransposeB(dLogits, n, classes, wc, m);
        double ka = 2 * config.alignWeight() / (n * (double) m), kq = 2 * config.quantWeight() / (n * (double) m);
        for (int i = 0; i < n; i++) {
            int o = i * m, co = y[i] * m;
            for (int j = 0; j < m; j++) {
                float hv = h[o + j];
                double db = hv - classCodes[co + j];
                double dq = hv - Math.signum(hv);
                align += db * db;
                quant += dq * dq;
                double g = dH[o + j] + ka * db + kq * dq;
                dH[o + j] = (float) (g * (1 - hv * hv)); // through tanh: dA2
            }
        }
        sums[0] += ce;
        sums[1] += config.alignWeight() * align / (n * (double) m);
        sums[2] += config.quantWeight() * quant / (n * (double) m);

        float[] gw = Dense.mulTransposeA(h, n, m, dLogits, classes);
        for (int i = 0; i < gw.length; i++) {
            gWc[i] += gw[i];
        }
        float[] gb = Dense.columnSums(dLogits, n, classes);
        for (int i = 0; i < gb.length; i++) {
            gBc[i] += gb[i];
        }
        float[] dA2 = dH;
        float[] dW2 = Dense.mulTransposeA(h1, n, hd, dA2, m);
        float[] dB2 = Dense.columnSums(dA2, n, m);
        float[] dA1 = Dense.mulTransposeB(dA2, n, m, br.w2.value, hd);
        for (int i = 0; i < dA1.length; i++) {
            if (h1[i] <= 0) {
                dA1[i] = 0;
            }
        }
        float[] dW1 = Dense.mulTransposeA(x, n, br.d, dA1, hd);
        float[] dB1 = Dense.columnSums(dA1, n, hd);
        return new float[][]{dW1, dB1, dW2, dB2};
    }

    /** DSH's discrete step, simplified: B_c = sgn(Σ relaxed codes of class c over both modalities), sgn(0) = +1. */
    private float[] classCodes(float[] xs, int[] ys, float[] xp, int[] yp, int classes) {
        double[] sum = new double[classes * bits];
        accumulate(sum, sketch.forward(xs, ys.length)[1], ys);
        accumulate(sum, photo.forward(xp, yp.length)[1], yp);
        return signs(sum, null);
    }

    /** sgn of the code sums; a class with no item this epoch keeps its previous code. */
    private float[] signs(double[] sum, float[] previous) {
        float[] b = new float[sum.length];
        for (int c = 0; c < sum.length / bits; c++) {
            boolean any = false;
            for (int j = 0; j < bits && !any; j++) {
                any = sum[c * bits + j] != 0;
            }
            for (int j = 0; j < bits; j++) {
                int i = c * bits + j;
                b[i] = previous != null && !any ? previous[i] : sum[i] >= 0 ? 1 : -1;
            }
        }
        return b;
    }

    private void accumulate(double[] sum, float[] codes, int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            int o = labels[i] * bits;
            for (int j = 0; j < bits; j++) {
                sum[o + j] += codes[i * bits + j];
            }
        }
    }

    private float[] standardise(float[][] rows) {
        int d = featureMean.length;
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(NAME + " was fitted on " + d + "-d features, got "
                        + rows[i].length);
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (rows[i][j] - featureMean[j]) * featureInvStd[j];
            }
        }
        return out;
    }

    private static float[] rows(float[] x, int d, int[] idx) {
        float[] out = new float[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * d, out, i * d, d);
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Step s's batch of a permutation, wrapping around when this modality has fewer items than steps need. */
    private static int[] batch(int[] perm, int s, int size) {
        int n = Math.min(size, perm.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = perm[(s * size + i) % perm.length];
        }
        return out;
    }

    private static int[] labels(int[] all, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = all[idx[i]];
        }
        return out;
    }

    private Branch fitted(Branch b) {
        if (b == null) {
            throw new IllegalStateException(NAME + " is not fitted");
        }
        return b;
    }

    @Override
    public Embedded embedSketches(float[][] features) {
        return encode(fitted(sketch), features);
    }

    @Override
    public Embedded embedPhotos(float[][] features) {
        return encode(fitted(photo), features);
    }

    private Embedded encode(Branch br, float[][] features) {
        float[] h = br.forward(standardise(features), features.length)[1];
        long[][] codes = new long[features.length][];
        for (int i = 0; i < features.length; i++) {
            codes[i] = Codes.pack(java.util.Arrays.copyOfRange(h, i * bits, (i + 1) * bits), 0f);
        }
        return new Embedded.Binary(codes, bits);
    }
}
