package org.sketchfind.engine.code;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AsymmetricScore}: the sum it is defined as, its relation to the Hamming distance, and bad input. */
class AsymmetricScoreTest {

    @Test
    void theScoreIsTheSumOfTheMarginsSignedByTheCodesBits() {
        Random rnd = new Random(7);
        for (int bits : new int[]{16, 64, 100, 128}) {
            float[] m = new float[bits];
            for (int k = 0; k < bits; k++) {
                m[k] = (float) rnd.nextGaussian();
            }
            AsymmetricScore s = new AsymmetricScore(m);
            for (int t = 0; t < 20; t++) {
                long[] code = randomCode(bits, rnd);
                double expected = 0;
                for (int k = 0; k < bits; k++) {
                    expected += Codes.bit(code, k) ? m[k] : -m[k];
                }
                assertEquals(expected, s.score(code), 1e-9);
                long[] packed = new long[3 * code.length];
                System.arraycopy(code, 0, packed, code.length, code.length);
                assertEquals(expected, s.score(packed, code.length), 1e-5, "the byte-table score of a packed code");
            }
            // the query's own code scores highest: every term is |m_k|
            double best = 0;
            for (float v : m) {
                best += Math.abs(v);
            }
            assertEquals(best, s.score(s.code()), 1e-6);
        }
    }

    @Test
    void withEqualMarginsItRanksAsTheHammingDistanceToTheQuerysCode() {
        Random rnd = new Random(3);
        int bits = 64;
        float[] m = new float[bits];
        for (int k = 0; k < bits; k++) {
            m[k] = rnd.nextBoolean() ? 0.25f : -0.25f;
        }
        AsymmetricScore s = new AsymmetricScore(m);
        for (int t = 0; t < 50; t++) {
            long[] code = randomCode(bits, rnd);
            // Σ ±|m| = |m|·(bits − 2·hamming)
            assertEquals(0.25 * (bits - 2 * Codes.hamming(s.code(), code)), s.score(code), 1e-9);
            assertEquals(Codes.hamming(s.code(), code), s.distance(code), "the distance is the Hamming distance");
        }
    }

    @Test
    void aSureBitOutweighsSeveralUnsureOnes() {
        float[] m = {2f, 0.1f, 0.1f, 0.1f};
        AsymmetricScore s = new AsymmetricScore(m);
        long[] missesTheSureBit = {0b1110L};  // Hamming 1 from the query's code 0b1111
        long[] missesThreeUnsure = {0b0001L}; // Hamming 3
        assertTrue(s.score(missesThreeUnsure) > s.score(missesTheSureBit),
                "three unsure bits wrong cost less than one sure bit");
        assertArrayEquals(new long[]{0b1111L}, s.code());
        double[] all = s.scores(new long[][]{missesTheSureBit, missesThreeUnsure});
        assertEquals(2, all.length);
        assertTrue(Arrays.stream(all).allMatch(Double::isFinite));
    }

    @Test
    void theDistanceFallsAsTheScoreRises() {
        Random rnd = new Random(11);
        float[] m = new float[64];
        for (int k = 0; k < m.length; k++) {
            m[k] = (float) (rnd.nextGaussian() * 0.2);
        }
        AsymmetricScore s = new AsymmetricScore(m);
        long[][] codes = new long[200][];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = randomCode(64, rnd);
        }
        double[] scores = s.scores(codes);
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < codes.length; j++) {
                if (scores[i] > scores[j]) {
                    assertTrue(s.distance(codes[i]) <= s.distance(codes[j]));
                }
            }
        }
        assertEquals(0, s.distance(s.code()));
        assertEquals(0, new AsymmetricScore(new float[8]).distance(new long[]{0xFFL}), "no margins, no distance");
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new AsymmetricScore(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new AsymmetricScore(new float[]{0.1f, Float.NaN}));
        AsymmetricScore s = new AsymmetricScore(new float[64]);
        assertThrows(IllegalArgumentException.class, () -> s.score(new long[2]));
    }

    private static long[] randomCode(int bits, Random rnd) {
        float[] v = new float[bits];
        for (int k = 0; k < bits; k++) {
            v[k] = rnd.nextFloat();
        }
        return Codes.pack(v, 0.5f);
    }
}
