package org.sketchfind.engine.eval.baseline;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/** Small dense linear-algebra helpers on ND4J (LAPACK {@code syev}), double precision. */
final class Linalg {
    private Linalg() {
    }

    /** Rows as a double matrix. */
    static INDArray matrix(float[][] rows, int cols) {
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = rows[i][j];
            }
        }
        return Nd4j.create(flat, new long[]{rows.length, cols}, DataType.DOUBLE);
    }

    static double[][] toDouble(INDArray m) {
        return m.toDoubleMatrix();
    }

    static float[][] toFloat(INDArray m) {
        return m.castTo(DataType.FLOAT).toFloatMatrix();
    }

    /** Eigen-decomposition of a symmetric matrix. */
    record Eig(double[] values, INDArray vectors) {
    }

    /**
     * Eigenvalues in descending order and the matching unit eigenvectors as columns. The input is not modified.
     */
    static Eig symmetricEigen(INDArray symmetric) {
        INDArray v = symmetric.castTo(DataType.DOUBLE).dup('f');
        // symmetrise against rounding so LAPACK sees an exactly symmetric matrix
        v = v.add(v.transpose()).muli(0.5).dup('f');
        INDArray ev = Eigen.symmetricGeneralizedEigenvalues(v, true); // ascending, v overwritten by eigenvectors
        int n = (int) ev.length();
        double[] values = new double[n];
        double[][] vec = v.toDoubleMatrix();
        double[][] sorted = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = ev.getDouble(n - 1 - k);
            for (int r = 0; r < n; r++) {
                sorted[r][k] = vec[r][n - 1 - k];
            }
        }
        INDArray vectors = Nd4j.create(sorted);
        return new Eig(values, vectors);
    }
}
