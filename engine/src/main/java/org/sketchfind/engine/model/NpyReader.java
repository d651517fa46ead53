package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) holding little-endian float32
 * ({@code '<f4'}) arrays in C order. It exists because ND4J 1.0.0-M2.1's {@code Nd4j.createFromNpyFile} crashed the
 * JVM (SIGSEGV) on the shipped SqueezeNet files; this reader never touches native code while parsing and turns every
 * malformed file into an {@link IOException} naming the file and the cause.
 *
 * <p>File layout (numpy.lib.format): magic {@code \x93NUMPY}, major and minor version bytes, header length
 * (unsigned little-endian 16 bit for v1, 32 bit for v2/v3), an ASCII (v3: UTF-8) Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 224, 224), }} padded with spaces and a newline,
 * then the raw data.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /** A float32 array read from an NPY file: its values in C (row-major) order and its shape. */
    public record NpyArray(float[] data, long[] shape) {
        /** Number of elements (the product of the shape; 1 for a scalar). */
        public long size() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }

        /** A new float32 INDArray in C order with this shape (a scalar shape gives a length-1 vector). */
        public INDArray toINDArray() {
            long[] s = shape.length == 0 ? new long[]{1} : shape;
            return Nd4j.create(data, s, DataType.FLOAT);
        }

        @Override
        public String toString() {
            return "NpyArray" + Arrays.toString(shape);
        }
    }

    /** Reads {@code file}; throws an IOException naming the file and the cause if it is not a C-order '&lt;f4' NPY. */
    public static NpyArray read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read NPY file: " + e.getMessage(), e);
        }
        try {
            return parse(bytes);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code file} straight into a float32 INDArray. */
    public static INDArray readINDArray(Path file) throws IOException {
        return read(file).toINDArray();
    }

    /** Parses the bytes of a whole NPY file. */
    public static NpyArray parse(byte[] bytes) throws IOException {
        if (bytes.length < 10) {
            throw new IOException("not an NPY file: only " + bytes.length + " bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IOException("not an NPY file: bad magic (expected \\x93NUMPY)");
            }
        }
        int major = bytes[6] & 0xFF;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        switch (major) {
            case 1 -> {
                headerLen = buf.getShort(8) & 0xFFFF;
                headerStart = 10;
            }
            case 2, 3 -> {
                if (bytes.length < 12) {
                    throw new IOException("truncated NPY header");
                }
                headerLen = buf.getInt(8) & 0xFFFFFFFFL;
                headerStart = 12;
            }
            default -> throw new IOException("unsupported NPY format version " + major + "." + (bytes[7] & 0xFF));
        }
        if (headerStart + headerLen > bytes.length) {
            throw new IOException("truncated NPY header: declares " + headerLen + " bytes, file has "
                    + (bytes.length - headerStart) + " after the preamble");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        if (!header.startsWith("{") || !header.endsWith("}")) {
            throw new IOException("malformed NPY header (not a dict literal): " + abbreviate(header));
        }
        String descr = group(DESCR, header, "descr");
        if (!"<f4".equals(descr)) {
            throw new IOException("unsupported dtype '" + descr + "' (only little-endian float32 '<f4' is read)");
        }
        if (!"False".equals(group(FORTRAN, header, "fortran_order"))) {
            throw new IOException("Fortran-order arrays are not supported (expected fortran_order False)");
        }
        long[] shape = parseShape(group(SHAPE, header, "shape"), header);
        long count = 1;
        for (long s : shape) {
            count = Math.multiplyExact(count, s);
        }
        long dataStart = headerStart + headerLen;
        long expectedBytes = count * 4L;
        long available = bytes.length - dataStart;
        if (available < expectedBytes) {
            throw new IOException(String.format(Locale.ROOT,
                    "truncated NPY data: shape %s needs %d bytes, file has %d", Arrays.toString(shape),
                    expectedBytes, available));
        }
        if (available > expectedBytes) {
            throw new IOException(String.format(Locale.ROOT,
                    "NPY data longer than its shape %s: %d bytes expected, %d present", Arrays.toString(shape),
                    expectedBytes, available));
        }
        if (count > Integer.MAX_VALUE) {
            throw new IOException("array too large for this reader: " + count + " elements");
        }
        float[] data = new float[(int) count];
        buf.position((int) dataStart);
        buf.asFloatBuffer().get(data);
        return new NpyArray(data, shape);
    }

    private static String group(Pattern p, String header, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException("malformed NPY header: no valid '" + key + "' entry in " + abbreviate(header));
        }
        return m.group(1);
    }

    private static long[] parseShape(String inner, String header) throws IOException {
        List<Long> dims = new ArrayList<>();
        for (String part : inner.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                long d = Long.parseLong(t);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new IOException("malformed NPY header: bad shape dimension '" + part.trim() + "' in "
                        + abbreviate(header));
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
