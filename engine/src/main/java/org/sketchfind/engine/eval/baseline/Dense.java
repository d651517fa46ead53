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

    /** Rows of the output handled together, so each row of b is read once per group (cache traffic / 4). */
    private static final int GROUP = 4;

    /** c[n×m] = a[n×k] · b[k×m]. */
    static float[] mul(float[] a, int n, int k, float[] b, int m) {
        float[] c = new float[n * m];
        int groups = (n + GROUP - 1) / GROUP;
        rows(groups, (long) n * k * m, g -> {
            int i0 = g * GROUP;
            if (i0 + GROUP <= n) {
                int c0 = i0 * m, c1 = c0 + m, c2 = c1 + m, c3 = c2 + m;
                for (int p = 0; p < k; p++) {
                    float x0 = a[i0 * k + p], x1 = a[(i0 + 1) * k + p], x2 = a[(i0 + 2) * k + p],
                            x3 = a[(i0 + 3) * k + p];
                    int bp = p * m;
                    for (int j = 0; j < m; j++) {
                        float bv = b[bp + j];
                        c[c0 + j] += x0 * bv;
                        c[c1 + j] += x1 * bv;
                        c[c2 + j] += x2 * bv;
                        c[c3 + j] += x3 * bv;
                    }
                }
            } else {
                for (int i = i0; i < n; i++) {
                    int ci = i * m;
                    for (int p = 0; p < k; p++) {
                        float x = a[i * k + p];
                        int bp = p * m;
                        for (int j = 0; j < m; j++) {
                            c[ci + j] += x * b[bp + j];
                        }
                    }
                }
            }
        });
        return c;
    }

    /** c[k×m] = a[n×k]ᵀ · b[n×m]. */
    static float[] mulTransposeA(float[] a, int n, int k, float[] b, int m) {
        float[] c = new float[k * m];
        int groups = (k + GROUP - 1) / GROUP;
        rows(groups, (long) n * k * m, g -> {
            int p0 = g * GROUP;
            if (p0 + GROUP <= k) {
                int c0 = p0 * m, c1 = c0 + m, c2 = c1 + m, c3 = c2 + m;
                for (int i = 0; i < n; i++) {
                    int ai = i * k + p0;
                    float x0 = a[ai], x1 = a[ai + 1], x2 = a[ai + 2], x3 = a[ai + 3];
                    int bi = i * m;
                    for (int j = 0; j < m; j++) {
                        float bv = b[bi + j];
                        c[c0 + j] += x0 * bv;
                        c[c1 + j] += x1 * bv;
                        c[c2 + j] += x2 * bv;
                        c[c3 + j] += x3 * bv;
                    }
                }
            } else {
                for (int p = p0; p < k; p++) {
                    int cp = p * m;
                    for (int i = 0; i < n; i++) {
                        float x = a[i * k + p];
                        int bi = i * m;
                        for (int j = 0; j < m; j++) {
                            c[cp + j] += x * b[bi + j];
                        }
                    }
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
