package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The semantic autoencoder on real pixel features of the seen src-test-data images. */
class SaeBaselineTest {

    /** Checks SSᵀW + λXXᵀ-term: ‖SSᵀW + λWXXᵀ − (1+λ)SXᵀ‖ / ‖(1+λ)SXᵀ‖ on centred data, in double precision. */
    static double sylvesterResidual(float[][] x, float[][] s, Ridge.Solution sol, double lambdaAbs) {
        int n = x.length, d = x[0].length, k = s[0].length;
        double[][] xc = new double[n][d], sc = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xc[i][j] = x[i][j] - sol.xMean()[j];
            }
            for (int j = 0; j < k; j++) {
                sc[i][j] = s[i][j] - sol.yMean()[j];
            }
        }
        double[][] w = new double[k][d]; // W = weightsᵀ
        for (int j = 0; j < d; j++) {
            for (int c = 0; c < k; c++) {
                w[c][j] = sol.weights()[j][c];
            }
        }
        // SSᵀW: Σ_i s_i (s_i · W) ; W XXᵀ: Σ_i (W x_i) x_iᵀ ; SXᵀ: Σ_i s_i x_iᵀ
        double num = 0, den = 0;
        double[][] lhs = new double[k][d], rhs = new double[k][d];
        for (int i = 0; i < n; i++) {
            double[] sw = new double[d];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    sw[j] += sc[i][c] * w[c][j];
                }
            }
            double[] wx = new double[k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    wx[c] += w[c][j] * xc[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    lhs[c][j] += sc[i][c] * sw[j] + lambdaAbs * wx[c] * xc[i][j];
                    rhs[c][j] += (1 + lambdaAbs) * sc[i][c] * xc[i][j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                num += Math.pow(lhs[c][j] - rhs[c][j], 2);
                den += rhs[c][j] * rhs[c][j];
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void encoderSolvesTheSylvesterEquation() throws IOException {
        FeatureSet seen = PixelFeatures.seen();
        float[][] s = RidgeSemanticBaseline.targets(seen, seen.sketchLabels());
        SaeBaseline.Solver solver = new SaeBaseline.Solver(seen.sketches(), s);
        for (double rel : new double[]{0.1, 1, 10}) {
            Ridge.Solution sol = solver.solve(rel);
            double res = sylvesterResidual(seen.sketches(), s, sol, rel * solver.scale);
            System.out.printf(Locale.ROOT, "SAE λ=%g: Sylvester residual %.2e%n", rel, res);
            assertTrue(res < 1e-6, "residual " + res + " at λ " + rel);
        }
        // a wrong λ does not satisfy the equation: the check can fail
        assertTrue(sylvesterResidual(seen.sketches(), s, solver.solve(1), 10 * solver.scale) > 1e-3);
    }

    @Test
    void fitsOnSeenClassesAndEmbedsIntoTheWordSpace() throws IOException {
        FeatureSet seen = PixelFeatures.seen();
        SaeBaseline sae = new SaeBaseline(5);
        assertThrows(IllegalStateException.class, () -> sae.embedPhotos(seen.photos()));
        sae.fit(TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses()));
        System.out.println("SAE selection " + sae.selection() + ", chosen " + sae.chosenLambda());
        assertEquals(SaeBaseline.DEFAULT_GRID.length, sae.selection().size());
        Embedded.Real q = (Embedded.Real) sae.embedSketches(PixelFeatures.unseen().sketches());
        assertEquals(100, q.vectors()[0].length);
        for (float[] v : q.vectors()) {
            for (float x : v) {
                assertTrue(Float.isFinite(x));
            }
        }
    }
}
