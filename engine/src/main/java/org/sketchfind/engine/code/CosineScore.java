package org.sketchfind.engine.code;

/**
 * Real-valued ranking against the photos' encoder outputs, a search-time step, not part of any model: the query keeps
 * its sketch encoder's outputs centred on Eq. 9's threshold ({@code m_s = g(y) − 0.5}) and each photo keeps its image
 * encoder's ({@code m_p = f(x) − 0.5}), and a photo scores the cosine of the two. Unlike
 * {@link AsymmetricScore}, both sides keep how sure each bit is; the binary codes are the signs of the same values.
 * Rule R7 (docs/zsih-model-and-training.md) decides whether sketch searches rank this way.
 */
public final class CosineScore {
    private final float[] unit;

    /**
     * @param margins the query's outputs minus the threshold, one per bit
     * @throws IllegalArgumentException if empty, not finite, or all zero
     */
    public CosineScore(float[] margins) {
        this.unit = unit(margins, "query");
    }

    /** Code length. */
    public int bits() {
        return unit.length;
    }

    /** The cosine of the query's and a photo's outputs ({@code photo.length} = {@link #bits()}); 0 for an all-zero photo. */
    public double score(float[] photo) {
        if (photo.length != unit.length) {
            throw new IllegalArgumentException("photo has " + photo.length + " outputs, expected " + unit.length);
        }
        double dot = 0;
        double norm = 0;
        for (int k = 0; k < unit.length; k++) {
            dot += unit[k] * photo[k];
            norm += (double) photo[k] * photo[k];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    /**
     * The cosine with a photo's stored outputs ({@link #quantize}d; the scale does not change a cosine), its
     * {@link #bits()} bytes starting at {@code offset} of {@code packed}.
     */
    public double score(byte[] packed, int offset) {
        double dot = 0;
        long norm = 0;
        for (int k = 0; k < unit.length; k++) {
            int v = packed[offset + k];
            dot += unit[k] * v;
            norm += v * v;
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    /**
     * A distance in bits for a cosine {@code c}: {@code bits·(1 − c)/2}, rounded. It never falls as the cosine falls,
     * and it is the Hamming distance between the two codes when every output on both sides is equally sure.
     */
    public int distance(double cosine) {
        return (int) Math.round(unit.length * (1 - Math.max(-1, Math.min(1, cosine))) / 2);
    }

    /**
     * Outputs centred on the threshold (each in [−0.5, 0.5], as {@code f(x) − 0.5}) as one signed byte each,
     * {@code round(254·m)} clamped to [−127, 127]: how the catalogue stores a photo's outputs (64 bytes for 64 bits).
     * On the zero-shot proxy this changes mAP by less than 0.001 (docs/zsih-model-and-training.md, R7).
     */
    public static byte[] quantize(float[] margins) {
        byte[] q = new byte[margins.length];
        for (int k = 0; k < q.length; k++) {
            float m = margins[k];
            if (!Float.isFinite(m)) {
                throw new IllegalArgumentException("output " + k + " is not finite: " + m);
            }
            q[k] = (byte) Math.max(-127, Math.min(127, Math.round(m * 254f)));
        }
        return q;
    }

    /** {@link #score} of every photo, in order. */
    public double[] scores(float[][] photos) {
        double[] s = new double[photos.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = score(photos[i]);
        }
        return s;
    }

    private static float[] unit(float[] v, String what) {
        if (v.length == 0) {
            throw new IllegalArgumentException("no " + what + " outputs");
        }
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            if (!Float.isFinite(v[k])) {
                throw new IllegalArgumentException(what + " output " + k + " is not finite: " + v[k]);
            }
            norm += (double) v[k] * v[k];
        }
        if (norm == 0) {
            throw new IllegalArgumentException("the " + what + "'s outputs are all at the threshold: no direction");
        }
        float[] u = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            u[k] = (float) (v[k] / Math.sqrt(norm));
        }
        return u;
    }
}
