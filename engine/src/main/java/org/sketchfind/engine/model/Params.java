package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Creates the trainable variables of the ZSIH graph with a seeded Glorot-uniform initialisation. Each variable's
 * values depend only on (seed, variable name), never on the order in which layers are built, so the same config
 * always gives the same initial weights.
 */
public final class Params {
    private final SameDiff sd;
    private final DataType dtype;
    private final long seed;

    public Params(SameDiff sd, DataType dtype, long seed) {
        this.sd = sd;
        this.dtype = dtype;
        this.seed = seed;
    }

    public SameDiff sd() {
        return sd;
    }

    public DataType dtype() {
        return dtype;
    }

    /** A [fanIn, fanOut] weight, Glorot-uniform U(−√(6/(in+out)), +√(6/(in+out))). */
    public SDVariable weight(String name, long fanIn, long fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        return sd.var(name, uniform(name, limit, fanIn, fanOut));
    }

    /** A [1, n] bias initialised to {@code value}. */
    public SDVariable bias(String name, long n, double value) {
        return sd.var(name, Nd4j.valueArrayOf(new long[]{1, n}, value, dtype));
    }

    private INDArray uniform(String name, double limit, long rows, long cols) {
        long n = rows * cols;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("variable " + name + " too large: " + rows + "x" + cols);
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ fnv(name));
        if (dtype == DataType.DOUBLE) {
            double[] v = new double[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (rnd.nextDouble() * 2 - 1) * limit;
            }
            return Nd4j.create(v, new long[]{rows, cols}, DataType.DOUBLE);
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
        }
        return Nd4j.create(v, new long[]{rows, cols}, 'c').castTo(dtype);
    }

    /** 64-bit FNV-1a of the name, mixed into the seed. */
    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
