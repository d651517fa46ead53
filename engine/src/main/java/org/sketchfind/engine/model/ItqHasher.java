package org.sketchfind.engine.model;

import org.sketchfind.engine.code.Codes;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Iterative Quantization (ITQ; Gong &amp; Lazebnik, "Iterative Quantization: A Procrustean Approach to Learning Binary
 * Codes", CVPR 2011): an unsupervised binariser of real features, used as the stand-in encoder before a ZSIH model
 * exists and as the "ImageNet features + ITQ" baseline ({@code org.sketchfind.engine.eval.baseline.ItqBaseline}); the
 * engine's only ITQ.
 *
 * <p>Fit: centre the features on their mean μ, project on the top {@code bits} principal components W (PCA of the
 * covariance), then alternate for a fixed number of iterations between B = sgn(V R) and the orthogonal Procrustes
 * solution R = S_A S_B^T of the SVD B^T V = S_B Ω S_A^T, which minimises the quantisation loss ‖B − V R‖²_F
 * (V = (X − μ) W; Sec. 2.3 of the paper). R starts as a random orthogonal matrix drawn from the seed. A fitted hasher
 * also exposes W ({@link #pcaProjection}), R ({@link #rotation}) and the loss per iteration ({@link #lossHistory}).
 *
 * <p>Encode: v = (x − μ) W R; bit i = v_i ≥ 0, packed by {@link Codes#pack} (bit i in word i/64).
 *
 * <p>File format (big-endian, as {@link DataOutputStream} writes it): int magic {@code 0x53464954} ("SFIT"), int
 * format version 1, int dims d, int bits b, float[d] mean, float[d×b] projection W R row-major (row = input
 * dimension), long CRC-32 of all preceding bytes. {@link #load} refuses anything else with an IOException.
 */
public final class ItqHasher {
    private static final int MAGIC = 0x53464954;
    private static final int VERSION = 1;
    /** Iterations recommended by the paper (the quantisation loss has levelled off by then). */
    public static final int DEFAULT_ITERATIONS = 50;

    private final int dims;
    private final int bits;
    private final float[] mean;
    /** d × b projection (PCA then rotation), row-major. */
    private final float[] projection;
    private final double[] lossHistory;
    /** PCA projection W (d × b) and rotation R (b × b) of a fit; null for a loaded hasher (the file holds W R). */
    private final double[][] pca;
    private final double[][] rotation;

    private ItqHasher(int dims, int bits, float[] mean, float[] projection, double[] lossHistory, double[][] pca,
                      double[][] rotation) {
        this.dims = dims;
        this.bits = bits;
        this.mean = mean;
        this.projection = projection;
        this.lossHistory = lossHistory;
        this.pca = pca;
        this.rotation = rotation;
    }

    /**
     * Fits ITQ on {@code features} (n rows of d values; n ≥ 2, bits ≤ d). Use training data only (seen classes).
     *
     * @param iterations ITQ iterations (the paper: 50)
     * @param seed       seed of the random initial rotation; equal inputs and seed give equal codes
     */
    public static ItqHasher fit(float[][] features, int bits, int iterations, long seed) {
        if (features.length < 2) {
            throw new IllegalArgumentException("ITQ needs at least 2 feature vectors, got " + features.length);
        }
        int n = features.length;
        int d = features[0].length;
        if (bits < 1 || bits > d) {
            throw new IllegalArgumentException("bits must be in 1.." + d + ": " + bits);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                float v = features[i][j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " holds a non-finite value at " + j);
                }
                mu[j] += v;
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= n;
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = features[i][j] - mu[j];
            }
        }
        // covariance (d × d) and its top `bits` eigenvectors
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double ra = row[a];
                if (ra == 0) {
                    continue;
                }
                double[] ca = cov[a];
                for (int b = a; b < d; b++) {
                    ca[b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] evec = SymmetricEigen.decompose(cov).vectors();
        double[][] w = new double[d][bits];
        for (int a = 0; a < d; a++) {
            System.arraycopy(evec[a], 0, w[a], 0, bits);
        }
        double[][] v = multiply(x, w); // n × bits
        Rotation rot = rotation(v, iterations, seed);
        double[][] r = rot.r();
        double[] losses = rot.losses();
        double[][] p = multiply(w, r);
        float[] proj = new float[d * bits];
        for (int a = 0; a < d; a++) {
            for (int k = 0; k < bits; k++) {
                proj[a * bits + k] = (float) p[a][k];
            }
        }
        float[] meanF = new float[d];
        for (int j = 0; j < d; j++) {
            meanF[j] = (float) mu[j];
        }
        return new ItqHasher(d, bits, meanF, proj, losses, w, r);
    }

    /** ITQ's rotation R of projected data and the quantisation loss ‖B − VR‖² before each iteration. */
    record Rotation(double[][] r, double[] losses) {
    }

    /**
     * The ITQ iterations (Gong &amp; Lazebnik 2011) on already projected, centred data {@code v} (n × b): from a random
     * rotation (seeded), alternate B = sgn(VR) and the orthogonal Procrustes solution R for B, {@code iterations}
     * times (fewer if V is degenerate).
     */
    static Rotation rotation(double[][] v, int iterations, long seed) {
        int n = v.length;
        int bits = v[0].length;
        double[][] r = randomRotation(bits, new Random(seed));
        double[] losses = new double[iterations + 1];
        for (int it = 0; it <= iterations; it++) {
            double[][] z = multiply(v, r);
            double[][] bMat = new double[n][bits];
            double loss = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < bits; k++) {
                    bMat[i][k] = z[i][k] >= 0 ? 1 : -1;
                    double e = bMat[i][k] - z[i][k];
                    loss += e * e;
                }
            }
            losses[it] = loss;
            if (it == iterations) {
                break;
            }
            double[][] r2 = procrustes(multiply(transpose(bMat), v));
            if (r2 == null) {
                losses = Arrays.copyOf(losses, it + 1);
                break;
            }
            r = r2;
        }
        return new Rotation(r, losses);
    }

    /** Fits with {@link #DEFAULT_ITERATIONS} iterations. */
    public static ItqHasher fit(float[][] features, int bits, long seed) {
        return fit(features, bits, DEFAULT_ITERATIONS, seed);
    }

    /**
     * R maximising tr(R C) for C = B^T V: with C = S_B Ω S_A^T, R = S_A S_B^T = (C^T C)^{-1/2} C^T. Computed from
     * the eigen-decomposition of C^T C. When C is (numerically) singular — B has fewer than b independent rows, e.g.
     * near-duplicate training items give equal codes — the columns of S_B for the zero singular values are any
     * orthonormal completion (every such R attains the maximum). Null only if C is zero.
     */
    private static double[][] procrustes(double[][] c) {
        int m = c.length;
        SymmetricEigen.Result e = SymmetricEigen.decompose(multiply(transpose(c), c));
        double[] lambda = e.values();
        double[][] u = e.vectors();
        if (!(lambda[0] > 0) || !Double.isFinite(lambda[0])) {
            return null;
        }
        if (lambda[m - 1] <= 1e-12 * lambda[0]) {
            return multiply(u, transpose(completedLeftVectors(c, u, lambda)));
        }
        double[][] scaled = new double[m][m]; // U diag(1/sigma)
        for (int a = 0; a < m; a++) {
            for (int k = 0; k < m; k++) {
                scaled[a][k] = u[a][k] / Math.sqrt(lambda[k]);
            }
        }
        double[][] inv = multiply(scaled, transpose(u)); // (C^T C)^{-1/2}
        return multiply(inv, transpose(c));
    }

    /**
     * S_B (m × m, orthonormal columns) of C = S_B Ω S_A^T given S_A = u and Ω² = lambda (descending): s_k = C u_k / ω_k
     * for the non-zero ω_k, the rest completed from the unit vectors; orthonormalised by Gram–Schmidt.
     */
    private static double[][] completedLeftVectors(double[][] c, double[][] u, double[] lambda) {
        int m = c.length;
        double[][] cu = multiply(c, u);
        double[][] s = new double[m][m];
        int filled = 0;
        for (int k = 0; k < m; k++) {
            if (lambda[k] > 1e-12 * lambda[0]) {
                double[] col = new double[m];
                for (int a = 0; a < m; a++) {
                    col[a] = cu[a][k];
                }
                if (orthonormalise(col, s, filled)) {
                    setColumn(s, filled++, col);
                }
            }
        }
        for (int unit = 0; filled < m && unit < m; unit++) {
            double[] col = new double[m];
            col[unit] = 1;
            if (orthonormalise(col, s, filled)) {
                setColumn(s, filled++, col);
            }
        }
        return s;
    }

    /** Removes from {@code v} its parts along the first {@code k} columns of {@code q} (twice), then normalises it. */
    private static boolean orthonormalise(double[] v, double[][] q, int k) {
        int m = v.length;
        double before = 0;
        for (double x : v) {
            before += x * x;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int a = 0; a < m; a++) {
                    dot += v[a] * q[a][j];
                }
                for (int a = 0; a < m; a++) {
                    v[a] -= dot * q[a][j];
                }
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (!(norm > 1e-20 * before)) {
            return false;
        }
        norm = Math.sqrt(norm);
        for (int a = 0; a < m; a++) {
            v[a] /= norm;
        }
        return true;
    }

    private static void setColumn(double[][] q, int k, double[] col) {
        for (int a = 0; a < col.length; a++) {
            q[a][k] = col[a];
        }
    }

    private static double[][] randomRotation(int m, Random rnd) {
        double[][] q = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int k = 0; k < m; k++) {
                q[a][k] = rnd.nextGaussian();
            }
        }
        // Gram–Schmidt (twice for stability) on the columns
        for (int k = 0; k < m; k++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int a = 0; a < m; a++) {
                        dot += q[a][k] * q[a][j];
                    }
                    for (int a = 0; a < m; a++) {
                        q[a][k] -= dot * q[a][j];
                    }
                }
            }
            double norm = 0;
            for (int a = 0; a < m; a++) {
                norm += q[a][k] * q[a][k];
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < m; a++) {
                q[a][k] /= norm;
            }
        }
        return q;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            double[] oi = out[i];
            for (int t = 0; t < k; t++) {
                double v = ai[t];
                if (v == 0) {
                    continue;
                }
                double[] bt = b[t];
                for (int j = 0; j < m; j++) {
                    oi[j] += v * bt[j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Input dimension d. */
    public int dims() {
        return dims;
    }

    /** Code length in bits. */
    public int bits() {
        return bits;
    }

    /** Quantisation loss ‖B − V R‖²_F before each rotation update (non-increasing); empty for a loaded hasher. */
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    /**
     * The PCA projection W of the fit (d × b, orthonormal columns by descending variance), a copy.
     *
     * @throws IllegalStateException for a loaded hasher: the file stores only the product W R
     */
    public double[][] pcaProjection() {
        return deepCopy(fitted(pca, "PCA projection"));
    }

    /**
     * The learned rotation R of the fit (b × b, orthogonal), a copy.
     *
     * @throws IllegalStateException for a loaded hasher: the file stores only the product W R
     */
    public double[][] rotation() {
        return deepCopy(fitted(rotation, "rotation"));
    }

    private static double[][] fitted(double[][] m, String what) {
        if (m == null) {
            throw new IllegalStateException("the " + what + " is only kept by a fitted hasher, not a loaded one");
        }
        return m;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** The real-valued rotated projection (x − μ) W R of one feature. */
    public float[] project(float[] feature) {
        if (feature.length != dims) {
            throw new IllegalArgumentException("feature has " + feature.length + " values, this hasher takes " + dims);
        }
        double[] acc = new double[bits];
        for (int a = 0; a < dims; a++) {
            double xa = feature[a] - mean[a];
            int off = a * bits;
            for (int k = 0; k < bits; k++) {
                acc[k] += xa * projection[off + k];
            }
        }
        float[] out = new float[bits];
        for (int k = 0; k < bits; k++) {
            out[k] = (float) acc[k];
        }
        return out;
    }

    /** The code of one feature: bit i = projection i ≥ 0, packed as {@link Codes} words. */
    public long[] encode(float[] feature) {
        return Codes.pack(project(feature), 0f);
    }

    /** Codes of many features. */
    public long[][] encode(float[][] features) {
        long[][] out = new long[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = encode(features[i]);
        }
        return out;
    }

    /** Writes the hasher in the documented binary format (atomically: temp file then move). */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the hasher in the documented binary format to a stream (left open). */
    public void write(OutputStream target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 4 * (dims + dims * bits) + 8);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(dims);
        out.writeInt(bits);
        for (float m : mean) {
            out.writeFloat(m);
        }
        for (float p : projection) {
            out.writeFloat(p);
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        target.write(bytes.toByteArray());
    }

    /** Reads a file written by {@link #save}; an IOException naming the file if it is malformed or corrupt. */
    public static ItqHasher load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid ITQ hasher file: " + e.getMessage(), e);
        }
    }

    /** Reads the binary format from a stream. */
    public static ItqHasher read(InputStream source) throws IOException {
        byte[] all = source.readNBytes(64 << 20);
        if (all.length < 24) {
            throw new EOFException("truncated (" + all.length + " bytes)");
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all));
        if (in.readInt() != MAGIC) {
            throw new IOException("bad magic (expected \"SFIT\")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported format version " + version + " (this build reads " + VERSION + ")");
        }
        int d = in.readInt();
        int b = in.readInt();
        if (d < 1 || d > 1 << 16 || b < 1 || b > d) {
            throw new IOException("implausible sizes: dims " + d + ", bits " + b);
        }
        long expectedLength = 16L + 4L * d + 4L * d * b + 8L;
        if (all.length != expectedLength) {
            throw new IOException("length " + all.length + " bytes, expected " + expectedLength
                    + " for dims " + d + " and bits " + b + " (truncated or trailing data)");
        }
        float[] mean = new float[d];
        for (int i = 0; i < d; i++) {
            mean[i] = in.readFloat();
        }
        float[] proj = new float[d * b];
        for (int i = 0; i < proj.length; i++) {
            proj[i] = in.readFloat();
        }
        long stored = in.readLong();
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != stored) {
            throw new IOException("checksum mismatch (corrupt file)");
        }
        for (float f : proj) {
            if (!Float.isFinite(f)) {
                throw new IOException("non-finite projection value");
            }
        }
        return new ItqHasher(d, b, mean, proj, new double[0], null, null);
    }

    @Override
    public String toString() {
        return "ItqHasher[" + dims + " -> " + bits + " bits]";
    }

    /** Equality of parameters (used by tests: a loaded hasher equals the saved one). */
    public boolean sameParameters(ItqHasher o) {
        return dims == o.dims && bits == o.bits && Arrays.equals(mean, o.mean) && Arrays.equals(projection, o.projection);
    }
}
