package org.sketchfind.engine.eval.baseline;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sketchfind.engine.index.Codes;

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
 * (2) the discrete step is the closed-form B_c = sgn(Σ of both modalities' relaxed codes of class c) once per epoch,
 * not DSH's joint solve with the classifier term; (3) no semi-heterogeneous (Siamese/triplet) ranking loss.
 *
 * <p>Loss per modality batch: CE(softmax(h W_c + b_c), y) + α‖h − B_y‖²/M + γ‖h − sgn h‖²/M (means over the batch),
 * plus weight decay; Adam; gradients written out by hand on ND4J. Bit i = 1 iff h_i ≥ 0. Seeded: initial weights,
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
            return new Config(512, 40, 128, 1e-3, 1.0, 0.1, 1e-4, seed);
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
    private INDArray featureMean;
    private INDArray featureStd;
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

    /** One modality's MLP with its Adam state. */
    private static final class Branch {
        final Param w1, b1, w2, b2;

        Branch(int d, int h, int m, Random rnd) {
            w1 = new Param(gaussian(d, h, Math.sqrt(2.0 / d), rnd), true);
            b1 = new Param(Nd4j.zeros(DataType.FLOAT, 1, h), false);
            w2 = new Param(gaussian(h, m, Math.sqrt(1.0 / h), rnd), true);
            b2 = new Param(Nd4j.zeros(DataType.FLOAT, 1, m), false);
        }

        /** Forward pass; returns {a1, h1, h}. */
        INDArray[] forward(INDArray x) {
            INDArray a1 = x.mmul(w1.value).addiRowVector(b1.value);
            INDArray h1 = Transforms.relu(a1, true);
            INDArray h = Transforms.tanh(h1.mmul(w2.value).addiRowVector(b2.value), true);
            return new INDArray[]{a1, h1, h};
        }
    }

    /** A parameter with its Adam moments. */
    private static final class Param {
        final INDArray value, m, v;
        final boolean decay;

        Param(INDArray value, boolean decay) {
            this.value = value;
            this.m = Nd4j.zerosLike(value);
            this.v = Nd4j.zerosLike(value);
            this.decay = decay;
        }

        void adam(INDArray grad, double lr, double wd, int t) {
            INDArray g = grad.reshape(value.shape());
            if (decay && wd > 0) {
                g = g.add(value.mul(wd));
            }
            double b1 = 0.9, b2 = 0.999, eps = 1e-8;
            m.muli(b1).addi(g.mul(1 - b1));
            v.muli(b2).addi(g.mul(g).muli(1 - b2));
            double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
            INDArray step = m.div(c1).divi(Transforms.sqrt(v.div(c2), false).addi(eps)).muli(lr);
            value.subi(step);
        }
    }

    private static INDArray gaussian(int rows, int cols, double std, Random rnd) {
        float[] a = new float[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextGaussian() * std);
        }
        return Nd4j.create(a, new long[]{rows, cols}, DataType.FLOAT);
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

        INDArray pooled = Nd4j.create(seenOnly.pooled());
        featureMean = pooled.mean(0).reshape(1, d);
        featureStd = pooled.std(0).reshape(1, d).addi(1e-6);
        INDArray xs = standardise(Nd4j.create(f.sketches()));
        INDArray xp = standardise(Nd4j.create(f.photos()));
        int[] ys = f.sketchLabels(), yp = f.photoLabels();

        sketch = new Branch(d, config.hidden(), bits, rnd);
        photo = new Branch(d, config.hidden(), bits, rnd);
        Param wc = new Param(gaussian(bits, classes, Math.sqrt(1.0 / bits), rnd), true);
        Param bc = new Param(Nd4j.zeros(DataType.FLOAT, 1, classes), false);

        int[] permS = identity(ys.length), permP = identity(yp.length);
        int steps = (Math.max(ys.length, yp.length) + config.batchSize() - 1) / config.batchSize();
        List<EpochLoss> hist = new ArrayList<>();
        int t = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            INDArray classCodes = classCodes(xs, ys, xp, yp, classes, bits, rnd);
            shuffle(permS, rnd);
            shuffle(permP, rnd);
            double[] sums = new double[3];
            for (int s = 0; s < steps; s++) {
                t++;
                int[] bs = batch(permS, s, config.batchSize());
                int[] bp = batch(permP, s, config.batchSize());
                INDArray gWc = Nd4j.zeros(DataType.FLOAT, bits, classes);
                INDArray gBc = Nd4j.zeros(DataType.FLOAT, 1, classes);
                INDArray[] gradS = step(sketch, xs.getRows(bs), labels(ys, bs), wc.value, bc.value, classCodes,
                        gWc, gBc, sums);
                INDArray[] gradP = step(photo, xp.getRows(bp), labels(yp, bp), wc.value, bc.value, classCodes,
                        gWc, gBc, sums);
                double lr = config.learningRate(), wd = config.weightDecay();
                apply(sketch, gradS, lr, wd, t);
                apply(photo, gradP, lr, wd, t);
                wc.adam(gWc, lr, wd, t);
                bc.adam(gBc, lr, wd, t);
            }
            hist.add(new EpochLoss(epoch, (sums[0] + sums[1] + sums[2]) / steps, sums[0] / steps,
                    sums[1] / steps, sums[2] / steps));
        }
        history = List.copyOf(hist);
        trainingSeconds = (System.nanoTime() - t0) / 1e9;
    }

    private static void apply(Branch b, INDArray[] g, double lr, double wd, int t) {
        b.w1.adam(g[0], lr, wd, t);
        b.b1.adam(g[1], lr, wd, t);
        b.w2.adam(g[2], lr, wd, t);
        b.b2.adam(g[3], lr, wd, t);
    }

    /**
     * Forward and backward of one modality's batch; adds its classifier gradients to gWc/gBc and its loss terms to
     * sums; returns the branch gradients {w1, b1, w2, b2}.
     */
    private INDArray[] step(Branch br, INDArray x, int[] y, INDArray wc, INDArray bcv, INDArray classCodes,
                            INDArray gWc, INDArray gBc, double[] sums) {
        int n = (int) x.rows();
        int classes = (int) wc.columns();
        INDArray[] fw = br.forward(x);
        INDArray a1 = fw[0], h1 = fw[1], h = fw[2];
        INDArray logits = h.mmul(wc).addiRowVector(bcv);
        INDArray max = logits.max(1).reshape(n, 1);
        INDArray p = Transforms.exp(logits.subColumnVector(max), false);
        p.diviColumnVector(p.sum(1).reshape(n, 1));
        float[] onehot = new float[n * classes];
        for (int i = 0; i < n; i++) {
            onehot[i * classes + y[i]] = 1;
        }
        INDArray yh = Nd4j.create(onehot, new long[]{n, classes}, DataType.FLOAT);
        double ce = -Transforms.log(p.add(1e-12), false).muli(yh).sumNumber().doubleValue() / n;
        INDArray target = classCodes.getRows(y);
        INDArray diffB = h.sub(target);
        INDArray diffQ = h.sub(Transforms.sign(h, true));
        double m = bits;
        double align = config.alignWeight() * diffB.mul(diffB).sumNumber().doubleValue() / (n * m);
        double quant = config.quantWeight() * diffQ.mul(diffQ).sumNumber().doubleValue() / (n * m);
        sums[0] += ce;
        sums[1] += align;
        sums[2] += quant;

        INDArray dLogits = p.subi(yh).divi(n);
        gWc.addi(h.transpose().mmul(dLogits));
        gBc.addi(dLogits.sum(0).reshape(1, classes));
        INDArray dH = dLogits.mmul(wc.transpose())
                .addi(diffB.muli(2 * config.alignWeight() / (n * m)))
                .addi(diffQ.muli(2 * config.quantWeight() / (n * m)));
        INDArray dA2 = dH.muli(h.mul(h).rsubi(1));
        INDArray dW2 = h1.transpose().mmul(dA2);
        INDArray dB2 = dA2.sum(0);
        INDArray dA1 = dA2.mmul(br.w2.value.transpose()).muli(a1.gt(0).castTo(DataType.FLOAT));
        INDArray dW1 = x.transpose().mmul(dA1);
        INDArray dB1 = dA1.sum(0);
        return new INDArray[]{dW1, dB1, dW2, dB2};
    }

    /** DSH's discrete step, simplified: B_c = sgn(Σ relaxed codes of class c over both modalities), sgn(0) = +1. */
    private INDArray classCodes(INDArray xs, int[] ys, INDArray xp, int[] yp, int classes, int m, Random rnd) {
        double[][] sum = new double[classes][m];
        accumulate(sum, relaxed(sketch, xs), ys);
        accumulate(sum, relaxed(photo, xp), yp);
        float[] b = new float[classes * m];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < m; j++) {
                b[c * m + j] = sum[c][j] >= 0 ? 1 : -1;
            }
        }
        return Nd4j.create(b, new long[]{classes, m}, DataType.FLOAT);
    }

    private static void accumulate(double[][] sum, float[][] codes, int[] labels) {
        for (int i = 0; i < codes.length; i++) {
            double[] s = sum[labels[i]];
            for (int j = 0; j < s.length; j++) {
                s[j] += codes[i][j];
            }
        }
    }

    private static float[][] relaxed(Branch br, INDArray x) {
        int n = (int) x.rows();
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += 1024) {
            int to = Math.min(n, from + 1024);
            INDArray h = br.forward(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()))[2];
            float[][] part = h.toFloatMatrix();
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private INDArray standardise(INDArray x) {
        return x.subRowVector(featureMean).diviRowVector(featureStd);
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

    /** Relaxed (tanh) codes of sketches, for inspection. */
    public float[][] relaxedSketchCodes(float[][] features) {
        return relaxed(fitted(sketch), standardise(Nd4j.create(features)));
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
        if (features.length == 0) {
            return new Embedded.Binary(new long[0][], bits);
        }
        if (features[0].length != featureMean.columns()) {
            throw new IllegalArgumentException(NAME + " was fitted on " + featureMean.columns() + "-d features, got "
                    + features[0].length);
        }
        float[][] h = relaxed(br, standardise(Nd4j.create(features)));
        long[][] codes = new long[h.length][];
        for (int i = 0; i < h.length; i++) {
            codes[i] = Codes.pack(h[i], 0f);
        }
        return new Embedded.Binary(codes, bits);
    }
}
