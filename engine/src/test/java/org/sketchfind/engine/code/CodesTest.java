package org.sketchfind.engine.code;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class CodesTest {
    @Test
    void packThresholdsAtHalfAndRoundTripsThroughHex() {
        Random r = new Random(7);
        for (int bits : new int[]{16, 32, 64, 100, 128}) {
            float[] p = new float[bits];
            for (int i = 0; i < bits; i++) {
                p[i] = r.nextFloat();
            }
            p[0] = 0.5f;
            long[] c = Codes.packSigmoid(p);
            assertEquals(Codes.words(bits), c.length);
            for (int i = 0; i < bits; i++) {
                assertEquals(p[i] >= 0.5f, Codes.bit(c, i), "bit " + i);
            }
            assertArrayEquals(c, Codes.fromHex(Codes.toHex(c, bits), bits));
        }
    }

    @Test
    void hammingCountsDifferingBits() {
        long[] a = Codes.fromHex("f0", 8);
        long[] b = Codes.fromHex("0f", 8);
        assertEquals(8, Codes.hamming(a, b));
        assertEquals(0, Codes.hamming(a, a));
        assertThrows(IllegalArgumentException.class, () -> Codes.fromHex("fz", 8));
    }
}
