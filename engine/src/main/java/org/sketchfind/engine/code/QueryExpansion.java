package org.sketchfind.engine.code;

import java.util.List;

/**
 * Average query expansion in Hamming space (after Chum et al., ICCV 2007, "Total Recall"), a search-time step, not
 * part of any model: the query code and the codes of its {@code k} nearest gallery photos vote bit by bit, the
 * majority wins (a tie keeps the query's bit), and the gallery is ranked again by the expanded code. Photos of one
 * class cluster tightly in the photo encoder's space, so a few right photos among the first results pull the rest of
 * their class up. It reads nothing but the gallery being searched; k was chosen on held-out seen classes
 * (docs/zsih-model-and-training.md).
 */
public final class QueryExpansion {
    /** The k of the shipped search (0 turns expansion off). */
    public static final int DEFAULT_K = 20;

    private QueryExpansion() {
    }

    /**
     * The expanded query: bit i is set when more than half of the query and its neighbours have it set, cleared when
     * fewer do, and the query's bit on a tie.
     *
     * @param neighbours codes of the nearest gallery items (each {@link Codes#words(int) words(bits)} long)
     */
    public static long[] expand(long[] query, List<long[]> neighbours, int bits) {
        int words = Codes.words(bits);
        if (query.length != words) {
            throw new IllegalArgumentException("query has " + query.length + " words, " + bits + " bits need " + words);
        }
        int voters = 1 + neighbours.size();
        long[] out = new long[words];
        for (int i = 0; i < bits; i++) {
            int w = i >>> 6;
            long mask = 1L << (i & 63);
            int ones = (query[w] & mask) != 0 ? 1 : 0;
            for (long[] n : neighbours) {
                if (n.length != words) {
                    throw new IllegalArgumentException("neighbour code of " + n.length + " words, expected " + words);
                }
                ones += (n[w] & mask) != 0 ? 1 : 0;
            }
            boolean set = 2 * ones > voters || (2 * ones == voters && (query[w] & mask) != 0);
            if (set) {
                out[w] |= mask;
            }
        }
        return out;
    }
}
