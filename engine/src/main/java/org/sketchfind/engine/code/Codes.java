package org.sketchfind.engine.code;

import java.util.Locale;

/**
 * Binary codes as {@code long[]} words: bit {@code i} lives in word {@code i / 64} at position {@code i % 64}.
 * Bits beyond the code length are always zero, so the Hamming distance is the popcount of the XOR of all words.
 * Eq. 9 of the paper: bit i = 1 iff the encoder's sigmoid output i is at least 0.5.
 */
public final class Codes {
    private Codes() {
    }

    /** Number of 64-bit words for {@code bits} bits. */
    public static int words(int bits) {
        if (bits <= 0) {
            throw new IllegalArgumentException("bit length must be positive: " + bits);
        }
        return (bits + 63) >>> 6;
    }

    /** Eq. 9: packs sigmoid outputs, bit i = {@code probs[i] >= threshold}. */
    public static long[] pack(float[] values, float threshold) {
        long[] code = new long[words(values.length)];
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= threshold) {
                code[i >>> 6] |= 1L << (i & 63);
            }
        }
        return code;
    }

    /** Eq. 9 with the paper's threshold 0.5. */
    public static long[] packSigmoid(float[] probs) {
        return pack(probs, 0.5f);
    }

    public static boolean bit(long[] code, int i) {
        return (code[i >>> 6] >>> (i & 63) & 1L) != 0;
    }

    public static int hamming(long[] a, long[] b) {
        int d = 0;
        for (int w = 0; w < a.length; w++) {
            d += Long.bitCount(a[w] ^ b[w]);
        }
        return d;
    }

    /** Hex string, bit 0 first: bits 0-3 are the first hex digit (bit 0 its lowest bit). Length ceil(bits/4). */
    public static String toHex(long[] code, int bits) {
        StringBuilder sb = new StringBuilder((bits + 3) / 4);
        for (int i = 0; i < bits; i += 4) {
            int nibble = (int) (code[i >>> 6] >>> (i & 63) & 0xF);
            sb.append(Character.forDigit(nibble, 16));
        }
        return sb.toString();
    }

    /** Inverse of {@link #toHex}. */
    public static long[] fromHex(String hex, int bits) {
        if (hex.length() != (bits + 3) / 4) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %d-bit code has %d hex digits, got %d", bits, (bits + 3) / 4, hex.length()));
        }
        long[] code = new long[words(bits)];
        for (int k = 0; k < hex.length(); k++) {
            int nibble = Character.digit(hex.charAt(k), 16);
            if (nibble < 0) {
                throw new IllegalArgumentException("not a hex digit: '" + hex.charAt(k) + "'");
            }
            int i = k * 4;
            code[i >>> 6] |= (long) nibble << (i & 63);
        }
        return code;
    }
}
