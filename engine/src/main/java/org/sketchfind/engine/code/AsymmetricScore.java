package org.sketchfind.engine.code;

/**
 * Asymmetric ranking of binary codes (after Gordo, Perronnin, Gong, Lazebnik, "Asymmetric Distances for Binary
 * Embeddings", TPAMI 2014), a search-time step, not part of any model: the query keeps its encoder's real-valued
 * outputs, centred on the threshold of Eq. 9 ({@code m_k = g(y)_k − 0.5}), while the gallery stays binary codes. A
 * gallery code {@code b} scores {@code Σ_k m_k·(2b_k − 1)}: the bits where the query is sure count more than those
 * near the threshold. With all {@code |m_k|} equal it ranks exactly as the Hamming distance to the query's own code.
 */
public final class AsymmetricScore {
    private final float[] margins;
    private final int bits;
    /** Σ|m_k|: the score of the query's own code. */
    private final double absSum;
    /** For each byte of a code (8 bits), the summed signed margins of its 256 values: a code scores in bits/8 lookups. */
    private final double[][] byteSums;

    /**
     * @param margins the query's outputs minus the threshold, one per bit ({@code margins.length} = code length)
     */
    public AsymmetricScore(float[] margins) {
        if (margins.length == 0) {
            throw new IllegalArgumentException("no margins");
        }
        for (int k = 0; k < margins.length; k++) {
            if (!Float.isFinite(margins[k])) {
                throw new IllegalArgumentException("margin " + k + " is not finite: " + margins[k]);
            }
        }
        this.margins = margins.clone();
        this.bits = margins.length;
        double abs = 0;
        for (float m : margins) {
            abs += Math.abs(m);
        }
        this.absSum = abs;
        int bytes = Codes.words(bits) * 8;
        this.byteSums = new double[bytes][256];
        for (int j = 0; j < bytes; j++) {
            for (int v = 0; v < 256; v++) {
                double sum = 0;
                for (int b = 0; b < 8; b++) {
                    int k = j * 8 + b;
                    if (k < bits) {
                        sum += (v >>> b & 1) != 0 ? margins[k] : -margins[k];
                    }
                }
                byteSums[j][v] = sum;
            }
        }
    }

    /** Code length. */
    public int bits() {
        return bits;
    }

    /** The query's own binary code (Eq. 9): bit k set iff its margin is at least 0. */
    public long[] code() {
        return Codes.pack(margins, 0f);
    }

    /** {@code Σ_k m_k·(2b_k − 1)} for one gallery code (higher is better). */
    public double score(long[] code) {
        if (code.length != Codes.words(bits)) {
            throw new IllegalArgumentException("code of " + code.length + " words, " + bits + " bits need "
                    + Codes.words(bits));
        }
        return score(code, 0);
    }

    /**
     * The score as a distance in bits: the margins of the bits where {@code code} differs from the query's own code,
     * divided by the mean margin, rounded ({@code (Σ|m| − score) / (2·mean|m|)}). It falls as the score rises, so a
     * ranking by score is a ranking by this distance; with all margins equal it is the Hamming distance to
     * {@link #code()}. 0 where every margin is 0.
     */
    public int distance(long[] code) {
        if (absSum == 0) {
            return 0;
        }
        return (int) Math.round((absSum - score(code)) / 2 / (absSum / bits));
    }

    /**
     * {@link #score} of the code stored at {@code words[offset … offset + words(bits))} (a packed array of codes), by
     * one table lookup per byte.
     */
    public double score(long[] words, int offset) {
        double s = 0;
        int n = Codes.words(bits);
        for (int w = 0; w < n; w++) {
            long x = words[offset + w];
            double[][] t = byteSums;
            int j = w * 8;
            s += t[j][(int) (x & 0xFF)] + t[j + 1][(int) (x >>> 8 & 0xFF)] + t[j + 2][(int) (x >>> 16 & 0xFF)]
                    + t[j + 3][(int) (x >>> 24 & 0xFF)] + t[j + 4][(int) (x >>> 32 & 0xFF)]
                    + t[j + 5][(int) (x >>> 40 & 0xFF)] + t[j + 6][(int) (x >>> 48 & 0xFF)]
                    + t[j + 7][(int) (x >>> 56 & 0xFF)];
        }
        return s;
    }

    /** {@link #score} of every gallery code. */
    public double[] scores(long[][] gallery) {
        double[] out = new double[gallery.length];
        for (int i = 0; i < gallery.length; i++) {
            out[i] = score(gallery[i]);
        }
        return out;
    }
}
