package org.sketchfind.engine.eval.baseline;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Closed-form ridge regression with an intercept, for many λ at once: W(λ) = (XcᵀXc + λI)⁻¹XcᵀYc on centred X and Y,
 * computed from one eigen-decomposition XcᵀXc = VΛVᵀ as W(λ) = V diag(1/(Λ + λ)) VᵀXcᵀYc. λ is given relative to the
 * mean eigenvalue trace(XcᵀXc)/d, so one grid suits features of any scale.
 */
public final class Ridge {
    private final double[] xMean;
    private final double[] yMean;
    private final double[] eigenvalues;
    private final INDArray eigenvectors; // d x d
    private final INDArray z;            // Vᵀ Xcᵀ Yc, d x k
    private final double scale;

    private Ridge(double[] xMean, double[] yMean, double[] eigenvalues, INDArray eigenvectors, INDArray z,
                  double scale) {
        this.xMean = xMean;
        this.yMean = yMean;
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.z = z;
        this.scale = scale;
    }

    /** Prepares the regression of the rows of {@code y} on the rows of {@code x}. */
    public static Ridge fit(float[][] x, float[][] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " inputs but " + y.length + " targets");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("ridge regression needs at least 2 rows, got " + x.length);
        }
        INDArray xm = Linalg.matrix(x, x[0].length);
        INDArray ym = Linalg.matrix(y, y[0].length);
        INDArray mx = xm.mean(0), my = ym.mean(0);
        INDArray xc = xm.subRowVector(mx), yc = ym.subRowVector(my);
        INDArray gram = xc.transpose().mmul(xc);
        Linalg.Eig eig = Linalg.symmetricEigen(gram);
        double[] ev = eig.values().clone();
        double trace = 0;
        for (int i = 0; i < ev.length; i++) {
            ev[i] = Math.max(ev[i], 0); // rounding can make null-space eigenvalues slightly negative
            trace += ev[i];
        }
        double scale = trace > 0 ? trace / ev.length : 1;
        INDArray z = eig.vectors().transpose().mmul(xc.transpose().mmul(yc));
        return new Ridge(mx.toDoubleVector(), my.toDoubleVector(), ev, eig.vectors(), z, scale);
    }

    /** trace(XcᵀXc)/d: the unit of relative λ. */
    public double scale() {
        return scale;
    }

    /** The solution for λ = {@code relativeLambda} · {@link #scale()}. */
    public Solution solve(double relativeLambda) {
        if (!(relativeLambda > 0) || !Double.isFinite(relativeLambda)) {
            throw new IllegalArgumentException("ridge λ must be positive and finite: " + relativeLambda);
        }
        double lambda = relativeLambda * scale;
        double[] inv = new double[eigenvalues.length];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1 / (eigenvalues[i] + lambda);
        }
        INDArray w = eigenvectors.mmul(z.mulColumnVector(Nd4j.create(inv).reshape(inv.length, 1)));
        return new Solution(relativeLambda, xMean, w.toDoubleMatrix(), yMean);
    }

    /** A fitted linear map ŷ = (x − μx)W + μy. */
    public record Solution(double relativeLambda, double[] xMean, double[][] weights, double[] yMean) {

        public float[] predict(float[] x) {
            if (x.length != xMean.length) {
                throw new IllegalArgumentException("ridge map was fitted on " + xMean.length + "-d inputs, got "
                        + x.length);
            }
            int k = yMean.length;
            double[] out = yMean.clone();
            for (int i = 0; i < x.length; i++) {
                double c = x[i] - xMean[i];
                if (c == 0) {
                    continue;
                }
                double[] row = weights[i];
                for (int j = 0; j < k; j++) {
                    out[j] += c * row[j];
                }
            }
            float[] f = new float[k];
            for (int j = 0; j < k; j++) {
                f[j] = (float) out[j];
            }
            return f;
        }

        public float[][] predict(float[][] rows) {
            float[][] out = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = predict(rows[i]);
            }
            return out;
        }
    }
}
