package org.sketchfind.engine.index;

/**
 * Chooses a Hamming searcher for a collection. Multi-index hashing is chosen only where the benchmark
 * ({@code HammingBenchmark}, docs/hamming-benchmark.md) measured it faster than the exhaustive scan on both uniform
 * and clustered codes, including against the two-thread scan; everywhere else the exhaustive {@link HammingIndex}
 * is used. Both return identical results, so the choice affects only speed (and memory: MIH keeps m copies of the
 * codes, m × N × (4 + 8·words) bytes).
 *
 * <p>Measured crossovers (top-100, 2-core AMD EPYC under load, thread CPU time per query, uniform and clustered
 * codes; MIH against the one-thread scan, whose time two threads at best halve):
 * 16-bit codes: MIH 1.2–1.8× faster at 10^5, 1.6–2.3× at 3·10^5, 8–12× at 10^6;
 * 32-bit: 1.4–3× at 10^6, 3–5× at 2·10^6; 64-bit: 0.6–1.1× at 10^6, 1.0–1.4× at 4·10^6, 1.3–1.8× at
 * 6·10^6, 2.4–2.5× at 10^7; 128-bit: about 3× slower at 10^6 (larger collections not measured, so never chosen).
 * Each threshold is the smallest measured size where MIH beat, on both data sets, the exhaustive scan as it would
 * run there (above 2 × {@link HammingIndex#DEFAULT_MIN_ROWS_PER_TASK} codes on two threads, counted as half the
 * one-thread time); code lengths between the measured ones use the next longer length's threshold.
 */
public final class Searchers {
    /** Fewest codes for which multi-index hashing is chosen, for codes of at most 16, 32 and 64 bits. */
    public static final int MIH_MIN_CODES_16 = 1_000_000;
    public static final int MIH_MIN_CODES_32 = 2_000_000;
    public static final int MIH_MIN_CODES_64 = 10_000_000;

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
