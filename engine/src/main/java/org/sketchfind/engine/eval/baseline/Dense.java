package org.sketchfind.engine.eval.baseline;

import java.util.stream.IntStream;

/**
 * Row-major float matrix products in plain Java, split over rows of the output across the common fork-join pool.
 * Each output element is summed in a fixed order whatever the split, so results are bit-for-bit repeatable. Used
 * instead of ND4J where matrices are small and many ops run per step (per-op dispatch dominated there and degrades
 * badly when the cores are shared).
 */
final class Dense {
    private static final long PARALLEL_WORK = 1 << 18;

    private Dense() {
    }

    /** c[n×m] = a[n×k] · b[k×m]. */
    static float[] mul(float[] a, int n, int k, float[] b, int m) {
        float[] c = new float[n * m];
        rows(n, (long) n * k * m, i -> {
            int ci = i * m;
            for (int p = 0; p < k; p++) {
                float x = a[i * k + p];
                if (x == 0) {
                    continue;
                }
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += x * b[bp + j];
                }
            }
        });
        return c;
    }

    /** c[k×m] = a[n×k]ᵀ · b[n×m]. */
    static float[] mulTransposeA(float[] a, int n, int k, float[] b, int m) {
        float[] c = new float[k * m];
        rows(k, (long) n * k * m, p -> {
            int cp = p * m;
            for (int i = 0; i < n; i++) {
                float x = a[i * k + p];
                if (x == 0) {
                    continue;
                }
                int bi = i * m;
                for (int j = 0; j < m; j++) {
                    c[cp + j] += x * b[bi + j];
                }
            }
        });
        return c;
    }

    /** c[n×k] = a[n×m] · b[k×m]ᵀ. */
    static float[] mulTransposeB(float[] a, int n, int m, float[] b, int k) {
        return mul(a, n, m, transpose(b, k, m), k);
    }

    /** The transpose of a[r×c]. */
    static float[] transpose(float[] a, int r, int c) {
        float[] t = new float[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = a[i * c + j];
            }
        }
        return t;
    }

    /** Adds a row vector to every row of a[n×m] in place. */
    static void addRow(float[] a, int n, int m, float[] row) {
        for (int i = 0; i < n; i++) {
            int o = i * m;
            for (int j = 0; j < m; j++) {
                a[o + j] += row[j];
            }
        }
    }

    /** Column sums of a[n×m]. */
    static float[] columnSums(float[] a, int n, int m) {
        float[] s = new float[m];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            for (int j = 0; j < m; j++) {
                s[j] += a[o + j];
            }
        }
        return s;
    }

    private static void rows(int n, long work, java.util.function.IntConsumer body) {
        if (work < PARALLEL_WORK || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        } else {
            IntStream.range(0, n).parallel().forEach(body);
        }
    }
}
