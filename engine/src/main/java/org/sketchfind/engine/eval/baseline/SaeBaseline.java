package org.sketchfind.engine.eval.baseline;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The semantic autoencoder (SAE; Kodirov, Xiang &amp; Gong, "Semantic Autoencoder for Zero-Shot Learning", CVPR 2017),
 * the ZSIH paper's SAE row, per modality on backbone features. The encoder W (k×d) maps features to the class's
 * word vector and its transpose must reconstruct the features: min ‖X − WᵀS‖² + λ‖WX − S‖², whose optimum solves the
 * Sylvester equation SSᵀW + W(λXXᵀ) = (1 + λ)SXᵀ (Eq. 7 of Kodirov et al.; X and S centred here, the means added
 * back). Both coefficient matrices are symmetric, so the equation is solved exactly through their
 * eigen-decompositions SSᵀ = PΛPᵀ, XXᵀ = QMQᵀ: W = P[(PᵀCQ)_ij / (Λ_i + λM_j)]Qᵀ (components where both eigenvalues
 * vanish are set to zero). Queries and gallery are encoded into the word-vector space and ranked by cosine.
 *
 * <p>λ is relative to trace(SSᵀ)/trace(XXᵀ) and chosen like {@link RidgeSemanticBaseline}'s: best sketch→photo
 * mAP@all on held-out SEEN classes (ties: the larger λ), then refitted on all seen classes.
 */
public final class SaeBaseline extends SemanticMapBaseline {
    public static final String NAME = "sae";
    public static final double[] DEFAULT_GRID = {0.01, 0.1, 1, 10, 100, 1000};
    public static final double DEFAULT_LAMBDA = 1;

    public SaeBaseline(long seed) {
        this(seed, DEFAULT_GRID, RidgeSemanticBaseline.DEFAULT_VALIDATION_FRACTION);
    }

    public SaeBaseline(long seed, double[] relativeLambdas, double validationFraction) {
        super(NAME, seed, relativeLambdas, validationFraction, DEFAULT_LAMBDA);
    }

    /** The Sylvester system of one modality, decomposed once for any λ. */
    static final class Solver {
        final double[] xMean, sMean;
        final Linalg.Eig a, x; // eigen of ScᵀSc (k×k) and XcᵀXc (d×d)
        final INDArray rotatedC; // Pᵀ (ScᵀXc) Q, k×d
        final double scale;

        Solver(float[][] features, float[][] targets) {
            if (features.length < 2 || features.length != targets.length) {
                throw new IllegalArgumentException("SAE needs at least 2 items with one target each");
            }
            INDArray xm = Linalg.matrix(features, features[0].length);
            INDArray sm = Linalg.matrix(targets, targets[0].length);
            INDArray mx = xm.mean(0), ms = sm.mean(0);
            INDArray xc = xm.subRowVector(mx), sc = sm.subRowVector(ms);
            xMean = mx.toDoubleVector();
            sMean = ms.toDoubleVector();
            a = Linalg.symmetricEigen(sc.transpose().mmul(sc));
            x = Linalg.symmetricEigen(xc.transpose().mmul(xc));
            rotatedC = a.vectors().transpose().mmul(sc.transpose().mmul(xc)).mmul(x.vectors());
            double ta = Arrays.stream(a.values()).map(v -> Math.max(v, 0)).sum();
            double tx = Arrays.stream(x.values()).map(v -> Math.max(v, 0)).sum();
            scale = tx > 0 && ta > 0 ? ta / tx : 1;
        }

        /** W for λ = relativeLambda · scale, as a linear map x ↦ W(x − μx) + μs. */
        Ridge.Solution solve(double relativeLambda) {
            double lambda = relativeLambda * scale;
            double[] la = a.values(), lx = x.values();
            double[][] w = rotatedC.toDoubleMatrix();
            double tiny = 1e-12 * (Math.abs(la[0]) + lambda * Math.abs(lx[0]));
            for (int i = 0; i < la.length; i++) {
                for (int j = 0; j < lx.length; j++) {
                    double den = Math.max(la[i], 0) + lambda * Math.max(lx[j], 0);
                    w[i][j] = den > tiny ? (1 + lambda) * w[i][j] / den : 0;
                }
            }
            INDArray wm = a.vectors().mmul(Nd4j.create(w)).mmul(x.vectors().transpose()); // k×d
            return new Ridge.Solution(relativeLambda, xMean, wm.transpose().toDoubleMatrix(), sMean);
        }
    }

    @Override
    LambdaSolver solver(float[][] features, float[][] targets) {
        return new Solver(features, targets)::solve;
    }

    /** The fitted sketch encoder (features → word space). */
    public Ridge.Solution sketchEncoder() {
        return fittedSketchMap();
    }

    /** The fitted photo encoder (features → word space). */
    public Ridge.Solution photoEncoder() {
        return fittedPhotoMap();
    }
}
