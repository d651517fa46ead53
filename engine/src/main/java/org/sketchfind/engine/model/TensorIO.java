package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tensors as raw little-endian float32 bytes in C order: the weight format of model files and checkpoints. No Java
 * serialisation and no framework format: the shape lives in the manifest beside the bytes and is checked on load.
 */
public final class TensorIO {
    private TensorIO() {
    }

    public static byte[] toBytes(INDArray a) {
        float[] v = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        return buf.array();
    }

    /** @throws IllegalArgumentException when the byte count does not match the shape */
    public static INDArray fromBytes(byte[] bytes, long[] shape, DataType dtype) {
        long n = product(shape);
        if (bytes.length != n * 4) {
            throw new IllegalArgumentException("expected " + n * 4 + " bytes for shape "
                    + java.util.Arrays.toString(shape) + ", got " + bytes.length);
        }
        float[] v = new float[(int) n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        INDArray a = Nd4j.create(v, shape, 'c');
        return dtype == DataType.FLOAT ? a : a.castTo(dtype);
    }

    /** Product of the dimensions; rejects negative dimensions and overflow past 2³¹ − 1 elements. */
    public static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad dimension " + d);
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor too large: " + java.util.Arrays.toString(shape));
            }
        }
        return n;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
