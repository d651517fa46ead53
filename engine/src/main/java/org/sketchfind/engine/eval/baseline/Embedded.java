package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.code.Codes;

/** What a {@link Baseline} turns features into: real vectors (ranked by cosine) or binary codes (ranked by Hamming). */
public sealed interface Embedded permits Embedded.Real, Embedded.Binary {

    /** Number of embedded items. */
    int size();

    /** Real-valued vectors, one row per item, ranked by cosine similarity. */
    record Real(float[][] vectors) implements Embedded {
        @Override
        public int size() {
            return vectors.length;
        }
    }

    /** Binary codes packed as in {@link Codes} ({@code bits} bits per code), ranked by Hamming distance. */
    record Binary(long[][] codes, int bits) implements Embedded {
        public Binary {
            int words = Codes.words(bits);
            for (int i = 0; i < codes.length; i++) {
                if (codes[i].length != words) {
                    throw new IllegalArgumentException("code " + i + " has " + codes[i].length + " words; a " + bits
                            + "-bit code has " + words);
                }
            }
        }

        @Override
        public int size() {
            return codes.length;
        }
    }
}
