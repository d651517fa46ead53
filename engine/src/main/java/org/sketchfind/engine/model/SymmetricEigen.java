package org.sketchfind.engine.model;

/**
 * Eigen-decomposition of a real symmetric matrix. Up to {@value #JACOBI_MAX} rows by the cyclic Jacobi method
 * (Golub &amp; Van Loan, Sec. 8.5) in plain Java double precision: accurate to machine precision and independent of
 * native libraries, for the small SVDs of ITQ. Larger matrices (the 512×512 and 1280×1280 covariances of backbone
 * features) go to LAPACK's {@code dsyev} through ND4J: Jacobi's O(n³) sweeps took 5 s at 512 and 270 s at 1280 here.
 */
final class SymmetricEigen {
    /** Largest matrix decomposed by Jacobi rotations in Java. */
    static final int JACOBI_MAX = 256;

    /** Eigenvalues in descending order and the matching unit eigenvectors as the columns of {@code vectors}. */
    record Result(double[] values, double[][] vectors) {
    }

    private SymmetricEigen() {
    }

    static Result decompose(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix is not square");
            }
            a[i] = matrix[i].clone();
        }
        if (n > JACOBI_MAX) {
            return lapack(a);
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double total = 0;
        for (double[] row : a) {
            for (double x : row) {
                total += x * x;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * total || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) <= 1e-300) {
                        continue;
                    }
                    double app = a[p][p];
                    double aqq = a[q][q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    double[] rp = a[p];
                    double[] rq = a[q];
                    for (int k = 0; k < n; k++) {
                        if (k == p || k == q) {
                            continue;
                        }
                        double akp = rp[k];
                        double akq = rq[k];
                        double np = c * akp - s * akq;
                        double nq = s * akp + c * akq;
                        rp[k] = np;
                        rq[k] = nq;
                        a[k][p] = np;
                        a[k][q] = nq;
                    }
                    rp[p] = app - t * apq;
                    rq[q] = aqq + t * apq;
                    rp[q] = 0;
                    rq[p] = 0;
                    for (int k = 0; k < n; k++) {
                        double[] vk = v[k];
                        double vkp = vk[p];
                        double vkq = vk[q];
                        vk[p] = c * vkp - s * vkq;
                        vk[q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            values[j] = a[src][src];
            for (int k = 0; k < n; k++) {
                vectors[k][j] = v[k][src];
            }
        }
        return new Result(values, vectors);
    }

    /** LAPACK {@code dsyev} (ND4J): eigenvalues ascending, then reordered descending like the Jacobi path. */
    private static Result lapack(double[][] a) {
        int n = a.length;
        org.nd4j.linalg.api.ndarray.INDArray m = org.nd4j.linalg.factory.Nd4j.create(a);
        org.nd4j.linalg.api.ndarray.INDArray ev = org.nd4j.linalg.eigen.Eigen.symmetricGeneralizedEigenvalues(m, true);
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            int src = n - 1 - j;
            values[j] = ev.getDouble(src);
            for (int k = 0; k < n; k++) {
                vectors[k][j] = m.getDouble(k, src);
            }
        }
        return new Result(values, vectors);
    }
}
