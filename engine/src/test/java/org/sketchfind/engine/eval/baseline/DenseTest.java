package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DenseTest {

    static float[] random(int size, Random rnd) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = rnd.nextInt(3) == 0 ? 0 : (float) rnd.nextGaussian();
        }
        return a;
    }

    /** Products against a naive double-precision triple loop, at sizes that hit the 4-row groups and the rest. */
    @Test
    void productsMatchTheNaiveDefinition() {
        Random rnd = new Random(3);
        for (int[] s : new int[][]{{1, 1, 1}, {3, 5, 2}, {7, 9, 6}, {130, 70, 33}, {600, 512, 64}}) {
            int n = s[0], k = s[1], m = s[2];
            float[] a = random(n * k, rnd), b = random(k * m, rnd), bt = Dense.transpose(b, k, m);
            float[] c = Dense.mul(a, n, k, b, m);
            float[] ct = Dense.mulTransposeB(a, n, k, bt, m);
            float[] at = Dense.transpose(a, n, k);
            float[] cta = Dense.mulTransposeA(at, k, n, b, m); // (aᵀ)ᵀ b = a b
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double ref = 0;
                    for (int p = 0; p < k; p++) {
                        ref += (double) a[i * k + p] * b[p * m + j];
                    }
                    double tol = 1e-4 * (1 + Math.abs(ref)) * Math.sqrt(k);
                    assertEquals(ref, c[i * m + j], tol);
                    assertEquals(ref, ct[i * m + j], tol);
                    assertEquals(ref, cta[i * m + j], tol);
                }
            }
            assertArrayEquals(c, Dense.mul(a, n, k, b, m), "bit-for-bit repeatable");
        }
    }
}
