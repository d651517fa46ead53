package org.sketchfind.engine.code;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CosineScore}: the cosine it is defined as, its maximum, its relation to the asymmetric score, bad input. */
class CosineScoreTest {

    @Test
    void theScoreIsTheCosineOfQueryAndPhotoOutputs() {
        Random rnd = new Random(11);
        for (int bits : new int[]{16, 64, 128}) {
            float[] q = gaussian(bits, rnd);
            CosineScore s = new CosineScore(q);
            assertEquals(bits, s.bits());
            float[][] photos = new float[30][];
            for (int i = 0; i < photos.length; i++) {
                photos[i] = gaussian(bits, rnd);
                double dot = 0;
                double nq = 0;
                double np = 0;
                for (int k = 0; k < bits; k++) {
                    dot += q[k] * photos[i][k];
                    nq += q[k] * q[k];
                    np += photos[i][k] * photos[i][k];
                }
                assertEquals(dot / Math.sqrt(nq * np), s.score(photos[i]), 1e-6);
            }
            double[] all = s.scores(photos);
            for (int i = 0; i < photos.length; i++) {
                assertEquals(s.score(photos[i]), all[i], 0);
                assertTrue(all[i] <= 1 + 1e-6 && all[i] >= -1 - 1e-6);
            }
            // the query's own outputs, at any scale, score 1; their negation -1
            float[] scaled = q.clone();
            float[] negated = q.clone();
            for (int k = 0; k < bits; k++) {
                scaled[k] *= 0.25f;
                negated[k] = -negated[k];
            }
            assertEquals(1, s.score(scaled), 1e-6);
            assertEquals(-1, s.score(negated), 1e-6);
        }
    }

    /**
     * Where every photo output is ±c (a photo as sure of every bit as of any other), the cosine ranks photos exactly as
     * the asymmetric score of the same query does: the real-valued ranking generalises the asymmetric one.
     */
    @Test
    void withEquallySurePhotosItRanksAsTheAsymmetricScore() {
        Random rnd = new Random(3);
        int bits = 64;
        float[] q = gaussian(bits, rnd);
        CosineScore cos = new CosineScore(q);
        AsymmetricScore asym = new AsymmetricScore(q);
        for (int t = 0; t < 50; t++) {
            long[] a = new long[]{rnd.nextLong()};
            long[] b = new long[]{rnd.nextLong()};
            int byCos = Double.compare(cos.score(signs(a, bits, 0.3f)), cos.score(signs(b, bits, 0.3f)));
            int byAsym = Double.compare(asym.score(a), asym.score(b));
            assertEquals(byAsym, byCos, "pair " + t);
        }
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> new CosineScore(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new CosineScore(new float[]{0f, Float.NaN}));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new CosineScore(new float[]{0f, 0f}));
        assertTrue(zero.getMessage().contains("threshold"), zero.getMessage());
        CosineScore s = new CosineScore(new float[]{1f, 0f});
        assertThrows(IllegalArgumentException.class, () -> s.score(new float[]{1f}));
        assertEquals(0, s.score(new float[]{0f, 0f}), 0, "an all-threshold photo scores 0");
    }

    private static float[] gaussian(int n, Random rnd) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private static float[] signs(long[] code, int bits, float c) {
        float[] v = new float[bits];
        for (int k = 0; k < bits; k++) {
            v[k] = Codes.bit(code, k) ? c : -c;
        }
        return v;
    }
}
