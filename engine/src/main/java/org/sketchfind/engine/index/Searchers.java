package org.sketchfind.engine.index;

/**
 * Chooses a Hamming searcher for a collection. Multi-index hashing is chosen only where the benchmark
 * ({@code HammingBenchmark}, docs/hamming-benchmark.md) measured it faster than the exhaustive scan on both uniform
 * and clustered codes, including against the two-thread scan; everywhere else the exhaustive {@link HammingIndex}
 * is used. Both return identical results, so the choice affects only speed (and memory: MIH keeps m copies of the
 * codes, m × N × (4 + 8·words) bytes).
 *
 * <p>Measured crossovers (top-100, 2-core AMD EPYC under load, thread CPU time per query, MIH vs one-thread scan,
 * uniform and clustered codes): 16-bit codes: MIH 1.8–2.6× faster at 10^5; 32-bit: slower at 10^5, 3.4–5× faster
 * at 10^6; 64-bit: slower at 3·10^5 and 10^6, 1.8× at 2·10^6, 1.5–2.2× at 4·10^6, 2.9–4× at 6·10^6, 3.5× at
 * 10^7; 128-bit: about 3× slower at 10^6 (larger collections not measured, so never chosen). Each threshold is
 * the smallest measured size where MIH beat, on both data sets, the exhaustive scan as it would run there
 * (above 2 × {@link HammingIndex#DEFAULT_MIN_ROWS_PER_TASK} codes on two threads, counted as half the one-thread
 * time); code lengths between the measured ones use the next longer length's threshold.
 */
public final class Searchers {
    /** Fewest codes for which multi-index hashing is chosen, for codes of at most 16, 32 and 64 bits. */
    public static final int MIH_MIN_CODES_16 = 100_000;
    public static final int MIH_MIN_CODES_32 = 1_000_000;
    public static final int MIH_MIN_CODES_64 = 6_000_000;

    private Searchers() {
    }

    /** Fewest codes of {@code bits} bits for which MIH is chosen; {@link Integer#MAX_VALUE} for never. */
    public static int multiIndexThreshold(int bits) {
        if (bits <= 16) {
            return MIH_MIN_CODES_16;
        } else if (bits <= 32) {
            return MIH_MIN_CODES_32;
        } else if (bits <= 64) {
            return MIH_MIN_CODES_64;
        }
        return Integer.MAX_VALUE;
    }

    /** True when the measured policy picks multi-index hashing for {@code n} codes of {@code bits} bits. */
    public static boolean prefersMultiIndex(int n, int bits) {
        return n >= multiIndexThreshold(bits);
    }

    /**
     * The faster searcher for this collection: {@link MultiIndexHashing} (a snapshot: rebuild after appending) above
     * the measured threshold, else {@link HammingIndex} on all processors (which sees later appends).
     */
    public static HammingSearcher best(PackedCodes codes) {
        return prefersMultiIndex(codes.size(), codes.bits())
                ? new MultiIndexHashing(codes)
                : new HammingIndex(codes);
    }
}
