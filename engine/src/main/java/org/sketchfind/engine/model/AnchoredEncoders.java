package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Closed-form anchored encoders: the starting point and anchor of the encoders f and g when
 * {@link ZsihConfig#anchorWeight()} is above 0 (not in the paper). The frozen backbone's photo features of unseen
 * classes already cluster by class (ImageNet features transfer), while its sketch features do not land near the
 * photos of their class. So before the ZSIH network trains:
 * <ol>
 *   <li><b>Photo codes</b> keep the photo features' neighbourhoods: φ(x) is the encoder's own pooled feature at
 *       uniform attention ({@link AttentionPooling#uniformPooled}); centred by the mean m of the training photos, it
 *       is projected on the top M eigenvectors W of S_b + {@value #TOTAL_SCATTER_WEIGHT}·S_t (between-class
 *       scatter of the seen classes' mean photos, plus a little of the total scatter so that any M is full rank),
 *       and rotated by ITQ (Gong &amp; Lazebnik 2011): z(x) = Rᵀ Wᵀ (φ(x) − m), scaled per bit by its standard
 *       deviation s over the training photos.</li>
 *   <li><b>Sketch codes</b> predict the photo codes of their class: a ridge regression A from a sketch's φ(y)
 *       (centred by the sketches' mean μ) to the centred mean photo feature of its class, with ridge weight
 *       {@value #RIDGE_WEIGHT}·tr(XᵀX)/C; z(y) = (W R)ᵀ Aᵀ (φ(y) − μ), scaled by the same s.</li>
 * </ol>
 * Both are written into the existing encoder architecture exactly: uniform attention (the attention scorer's
 * output weights are 0), the first 2M units of the fully-connected feature hold +z/s and −z/s as ReLU pairs, and the
 * hash layer subtracts each pair, so f(x) = σ(z(x)/s) and g(y) = σ(z(y)/s) at step 0 and Eq. 9 gives
 * b = 1[z ≥ 0]. The other units of the feature keep their random initialisation and start unused. Training then
 * runs the ZSIH loss of Eq. 7 with an anchor term that keeps f and g near these outputs
 * ({@link ZsihGraph}, λ_a·(1/2M)(‖f(x) − f₀(x)‖² + ‖g(y) − g₀(y)‖²)).
 *
 * <p>The constants were fixed on the seen-class zero-shot proxy (20 seen classes held out whole), never on unseen
 * classes; docs/zsih-model-and-training.md has the figures.
 */
public final class AnchoredEncoders {
    /** Weight of the total scatter added to the between-class scatter before the eigen-decomposition. */
    public static final double TOTAL_SCATTER_WEIGHT = 0.1;
    /** Ridge weight, as a multiple of the mean variance of the centred sketch features. */
    public static final double RIDGE_WEIGHT = 0.3;
    /** ITQ iterations (the paper's 50). */
    public static final int ITQ_ITERATIONS = 50;

    private AnchoredEncoders() {
    }

    /**
     * Writes the closed-form solution into {@code params} (a training graph's or a model's encoder variables, both
     * prefixes), leaving the attention scorer's hidden layer and the unused feature units as they are.
     *
     * @param photoFeatures  φ of the training photos (uniform-attention pooled features), one row each
     * @param photoClasses   their class indices
     * @param sketchFeatures φ of the training sketches
     * @param sketchClasses  their class indices (classes without photos are left out of the regression)
     */
    public static void initialise(Map<String, INDArray> params, ZsihConfig cfg, float[][] photoFeatures,
                                  int[] photoClasses, float[][] sketchFeatures, int[] sketchClasses) {
        int m = cfg.bits();
        int c = cfg.featureChannels();
        if (cfg.embedDim() < 2 * m) {
            throw new IllegalArgumentException("anchored codes need an encoder feature of at least 2M = " + 2 * m
                    + " units, the config has " + cfg.embedDim());
        }
        if (photoFeatures.length < 2 || photoFeatures[0].length != c) {
            throw new IllegalArgumentException("anchored codes need at least 2 training photos of " + c
                    + "-d features");
        }
        int classes = 1 + Math.max(max(photoClasses), max(sketchClasses));
        INDArray xp = Nd4j.create(toDouble(photoFeatures));
        INDArray photoMean = xp.mean(0);
        INDArray xpc = xp.subRowVector(photoMean);

        // class means of the centred photo features, and the scatters
        INDArray means = Nd4j.zeros(DataType.DOUBLE, classes, c);
        int[] count = new int[classes];
        for (int i = 0; i < photoClasses.length; i++) {
            means.getRow(photoClasses[i]).addi(xpc.getRow(i));
            count[photoClasses[i]]++;
        }
        int present = 0;
        for (int k = 0; k < classes; k++) {
            if (count[k] > 0) {
                means.getRow(k).divi(count[k]);
                present++;
            }
        }
        INDArray between = means.transpose().mmul(means).divi(Math.max(1, present));
        INDArray total = xpc.transpose().mmul(xpc).divi(xpc.rows());
        double[][] scatter = between.addi(total.muli(TOTAL_SCATTER_WEIGHT)).toDoubleMatrix();
        double[][] eig = SymmetricEigen.decompose(scatter).vectors();
        double[][] w = new double[c][m];
        for (int a = 0; a < c; a++) {
            System.arraycopy(eig[a], 0, w[a], 0, m);
        }
        double[][] v = xpc.mmul(Nd4j.create(w)).toDoubleMatrix();
        double[][] r = ItqHasher.rotation(v, ITQ_ITERATIONS, cfg.seed()).r();
        INDArray proj = Nd4j.create(ItqHasher.multiply(w, r));            // U = W R, C × M
        INDArray zp = xpc.mmul(proj);
        double[] scale = new double[m];
        for (int k = 0; k < m; k++) {
            scale[k] = Math.max(1e-8, zp.getColumn(k).stdNumber().doubleValue());
        }

        // ridge from sketch features to their class's mean photo, composed with the projection
        int used = 0;
        for (int cls : sketchClasses) {
            used += count[cls] > 0 ? 1 : 0;
        }
        if (used < 2) {
            throw new IllegalArgumentException("anchored codes need at least 2 training sketches of classes with"
                    + " photos");
        }
        double[][] xsRows = new double[used][];
        double[][] targetRows = new double[used][];
        INDArray meanCodes = means.mmul(proj);                            // classes × M
        for (int i = 0, j = 0; i < sketchClasses.length; i++) {
            if (count[sketchClasses[i]] > 0) {
                xsRows[j] = toDouble(sketchFeatures[i]);
                targetRows[j++] = meanCodes.getRow(sketchClasses[i]).toDoubleVector();
            }
        }
        INDArray xs = Nd4j.create(xsRows);
        INDArray sketchMean = xs.mean(0);
        INDArray xsc = xs.subRowVector(sketchMean);
        INDArray gram = xsc.transpose().mmul(xsc);
        double trace = 0;
        for (int a = 0; a < c; a++) {
            trace += gram.getDouble(a, a);
        }
        double lambda = RIDGE_WEIGHT * trace / c;
        SymmetricEigen.Result ge = SymmetricEigen.decompose(gram.toDoubleMatrix());
        INDArray q = Nd4j.create(ge.vectors());
        INDArray inv = Nd4j.create(ge.values()).addi(lambda).rdivi(1.0);
        INDArray rhs = xsc.transpose().mmul(Nd4j.create(targetRows));      // C × M
        INDArray sketchProj = q.mmul(q.transpose().mmul(rhs).muliColumnVector(inv.reshape(c, 1)));

        write(params, HashEncoder.IMAGE, cfg, proj, photoMean, scale);
        write(params, HashEncoder.SKETCH, cfg, sketchProj, sketchMean, scale);
    }

    /** f or g = σ(z/s) through uniform attention, ±ReLU pairs and a subtracting hash layer. */
    private static void write(Map<String, INDArray> params, String prefix, ZsihConfig cfg, INDArray proj,
                              INDArray centre, double[] scale) {
        int m = cfg.bits();
        int c = cfg.featureChannels();
        INDArray fcW = params.get(prefix + "fc_w");
        INDArray fcB = params.get(prefix + "fc_b");
        INDArray hashW = params.get(prefix + "hash_w");
        double[] offsets = centre.reshape(1, c).mmul(proj).toDoubleVector();
        for (int k = 0; k < m; k++) {
            INDArray col = proj.getColumn(k).div(scale[k]).castTo(fcW.dataType());
            fcW.getColumn(k).assign(col);
            fcW.getColumn(m + k).assign(col.neg());
            fcB.putScalar(0, k, -offsets[k] / scale[k]);
            fcB.putScalar(0, m + k, offsets[k] / scale[k]);
        }
        hashW.assign(0);
        for (int k = 0; k < m; k++) {
            hashW.putScalar(k, k, 1.0);
            hashW.putScalar(m + k, k, -1.0);
        }
        params.get(prefix + "hash_b").assign(0);
        params.get(prefix + "att_w2").assign(0);
        params.get(prefix + "att_b2").assign(0);
    }

    private static int max(int[] v) {
        int best = -1;
        for (int x : v) {
            best = Math.max(best, x);
        }
        return best;
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = toDouble(rows[i]);
        }
        return out;
    }

    private static double[] toDouble(float[] row) {
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i];
        }
        return out;
    }
}
