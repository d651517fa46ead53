package org.sketchfind.engine.eval.baseline;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.index.Codes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Iterative Quantization (ITQ; Gong &amp; Lazebnik, "Iterative Quantization: A Procrustean Approach to Learning Binary
 * Codes", CVPR 2011): centre the data, project it on its top {@code M} principal components V = (X − μ)W, then
 * alternate {@code B = sgn(VR)} and the orthogonal Procrustes update of the rotation R (SVD of BᵀV = SΩŜᵀ, R = ŜSᵀ)
 * to minimise the quantisation loss ‖B − VR‖²_F. Bit i of a code is 1 iff ((x − μ)WR)_i ≥ 0, packed as in
 * {@link Codes}.
 *
 * <p>Self-contained here for the baselines; the backbone's indexing encoder may carry its own ITQ hasher (the
 * integration keeps one of the two). Immutable; fitted by {@link #fit}, stored by {@link #save}/{@link #load} in a
 * small versioned binary format (magic, version, dims, bits, μ, W, R as big-endian doubles).
 */
public final class Itq {
    /** Iterations of the paper (Gong &amp; Lazebnik use 50). */
    public static final int DEFAULT_ITERATIONS = 50;
    private static final int MAGIC = 0x53464954; // "SFIT"
    private static final int VERSION = 1;
    private static final int MAX_DIMS = 1 << 16;

    private final double[] mean;
    private final double[][] pca;      // dims x bits
    private final double[][] rotation; // bits x bits
    private final double[][] projection; // pca · rotation, dims x bits
    private final double[] errors;

    private Itq(double[] mean, double[][] pca, double[][] rotation, double[] errors) {
        this.mean = mean;
        this.pca = pca;
        this.rotation = rotation;
        this.errors = errors;
        this.projection = new double[pca.length][rotation.length];
        multiply(pca, rotation, projection);
    }

    /**
     * Fits ITQ on the rows of {@code x}.
     *
     * @param bits       code length M, 1 ≤ M ≤ feature dimension
     * @param iterations Procrustes iterations (paper: 50)
     * @param seed       seed of the random initial rotation
     */
    public static Itq fit(float[][] x, int bits, int iterations, long seed) {
        if (x.length < 2) {
            throw new IllegalArgumentException("ITQ needs at least 2 training rows, got " + x.length);
        }
        int d = x[0].length;
        if (bits < 1 || bits > d) {
            throw new IllegalArgumentException("ITQ code length must be in 1.." + d + " (the feature dimension), got "
                    + bits);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        int n = x.length;
        INDArray xm = Linalg.matrix(x, d);
        INDArray mu = xm.mean(0);
        INDArray xc = xm.subRowVector(mu);
        INDArray cov = xc.transpose().mmul(xc).divi(n);
        Linalg.Eig eig = Linalg.symmetricEigen(cov);
        INDArray w = eig.vectors().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, bits)).dup();
        double[][] v = xc.mmul(w).toDoubleMatrix(); // n x bits

        // random orthogonal initial rotation: U of the SVD of a Gaussian matrix
        Random rnd = new Random(seed);
        double[][] g = new double[bits][bits];
        for (double[] row : g) {
            for (int j = 0; j < bits; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] r = Linalg.svdSquare(Nd4j.create(g)).u().toDoubleMatrix();
        double[] errors = new double[iterations + 1];
        double[][] vr = new double[n][bits];
        double[][] c = new double[bits][bits];
        for (int it = 0; it <= iterations; it++) {
            // the small products run in plain Java: per-op dispatch costs more than the arithmetic at these sizes
            multiply(v, r, vr);
            double err = 0;
            for (double[] row : vr) {
                for (int j = 0; j < bits; j++) {
                    double b = row[j] >= 0 ? 1 : -1;
                    err += (b - row[j]) * (b - row[j]);
                    row[j] = b; // vr now holds B
                }
            }
            errors[it] = err / n;
            if (it == iterations) {
                break;
            }
            // Procrustes: SVD of BᵀV = S Ω Ŝᵀ, R = Ŝ Sᵀ
            for (double[] row : c) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = 0; i < n; i++) {
                double[] bi = vr[i], vi = v[i];
                for (int a = 0; a < bits; a++) {
                    double ba = bi[a];
                    double[] ca = c[a];
                    for (int j = 0; j < bits; j++) {
                        ca[j] += ba * vi[j];
                    }
                }
            }
            Linalg.Svd svd = Linalg.svdSquare(Nd4j.create(c));
            r = svd.vt().transpose().mmul(svd.u().transpose()).toDoubleMatrix();
        }
        return new Itq(mu.toDoubleVector(), w.toDoubleMatrix(), r, errors);
    }

    private static void multiply(double[][] a, double[][] b, double[][] out) {
        int m = b[0].length;
        for (int i = 0; i < a.length; i++) {
            double[] o = out[i];
            java.util.Arrays.fill(o, 0);
            double[] ai = a[i];
            for (int k = 0; k < ai.length; k++) {
                double x = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    o[j] += x * bk[j];
                }
            }
        }
    }

    public int dims() {
        return mean.length;
    }

    public int bits() {
        return rotation.length;
    }

    /**
     * Quantisation loss ‖sgn(VR) − VR‖²_F / n on the training rows, before the first rotation update (index 0) and
     * after each of the iterations; non-increasing by construction.
     */
    public double[] quantisationErrors() {
        return errors.clone();
    }

    /** The learned rotation R (M×M, orthogonal). */
    public double[][] rotation() {
        return deepCopy(rotation);
    }

    /** The PCA projection W (dims×M, orthonormal columns, by descending variance). */
    public double[][] pcaProjection() {
        return deepCopy(pca);
    }

    /** Real-valued rotated projection (x − μ)WR of one row. */
    public double[] project(float[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("ITQ was fitted on " + mean.length + "-d features, got " + x.length);
        }
        int m = bits();
        double[] out = new double[m];
        for (int k = 0; k < x.length; k++) {
            double c = x[k] - mean[k];
            if (c == 0) {
                continue;
            }
            double[] row = projection[k];
            for (int j = 0; j < m; j++) {
                out[j] += c * row[j];
            }
        }
        return out;
    }

    /** The code of one row. */
    public long[] encode(float[] x) {
        double[] p = project(x);
        long[] code = new long[Codes.words(p.length)];
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= 0) {
                code[i >>> 6] |= 1L << (i & 63);
            }
        }
        return code;
    }

    /** The codes of all rows. */
    public long[][] encode(float[][] rows) {
        long[][] out = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = encode(rows[i]);
        }
        return out;
    }

    /** Writes this model (versioned binary format). */
    public void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dims());
            out.writeInt(bits());
            for (double m : mean) {
                out.writeDouble(m);
            }
            for (double[][] mat : new double[][][]{pca, rotation}) {
                for (double[] row : mat) {
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
            }
            out.writeInt(errors.length);
            for (double e : errors) {
                out.writeDouble(e);
            }
        }
    }

    /** Reads a model written by {@link #save}; a malformed, truncated or foreign file is an {@link IOException}. */
    public static Itq load(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not an ITQ model file (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": ITQ model format version " + version + ", this build reads "
                        + VERSION);
            }
            int d = in.readInt(), m = in.readInt();
            if (d < 1 || d > MAX_DIMS || m < 1 || m > d) {
                throw new IOException(file + ": implausible ITQ sizes dims=" + d + " bits=" + m);
            }
            long expected = 16L + 8L * (d + (long) d * m + (long) m * m);
            if (Files.size(file) < expected + 4) {
                throw new IOException(file + ": truncated ITQ model file");
            }
            double[] mean = new double[d];
            for (int i = 0; i < d; i++) {
                mean[i] = finite(in.readDouble(), file);
            }
            double[][] pca = new double[d][m];
            for (double[] row : pca) {
                for (int j = 0; j < m; j++) {
                    row[j] = finite(in.readDouble(), file);
                }
            }
            double[][] rot = new double[m][m];
            for (double[] row : rot) {
                for (int j = 0; j < m; j++) {
                    row[j] = finite(in.readDouble(), file);
                }
            }
            int ne = in.readInt();
            if (ne < 0 || Files.size(file) != expected + 4 + 8L * ne) {
                throw new IOException(file + ": ITQ model file has the wrong length");
            }
            double[] errors = new double[ne];
            for (int i = 0; i < ne; i++) {
                errors[i] = in.readDouble();
            }
            return new Itq(mean, pca, rot, errors);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated ITQ model file", e);
        }
    }

    private static double finite(double v, Path file) throws IOException {
        if (!Double.isFinite(v)) {
            throw new IOException(file + ": ITQ model file holds a non-finite number");
        }
        return v;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
