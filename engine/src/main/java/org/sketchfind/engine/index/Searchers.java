package org.sketchfind.engine.index;

/**
 * Chooses a Hamming searcher for a collection. Multi-index hashing only pays where the benchmark
 * ({@code HammingBenchmark}, docs/hamming-benchmark.md) showed it faster than the exhaustive scan; everywhere else
 * the exhaustive {@link HammingIndex} is used. Both return identical results.
 */
public final class Searchers {
    /**
     * Fewest codes for which multi-index hashing is chosen, for codes of at most 64 bits. Measured on the 2-core
     * development machine: see docs/hamming-benchmark.md.
     */
    public static final int MIH_MIN_CODES_64 = 4_000_000;
    /** The same for 65..128-bit codes. */
    public static final int MIH_MIN_CODES_128 = Integer.MAX_VALUE;

    private Searchers() {
    }

    /** True when the measured policy picks multi-index hashing for {@code n} codes of {@code bits} bits. */
    public static boolean prefersMultiIndex(int n, int bits) {
        return n >= (bits <= 64 ? MIH_MIN_CODES_64 : MIH_MIN_CODES_128);
    }

    /** The faster searcher for this collection (a snapshot for MIH: rebuild after appending). */
    public static HammingSearcher best(PackedCodes codes) {
        return prefersMultiIndex(codes.size(), codes.bits())
                ? new MultiIndexHashing(codes)
                : new HammingIndex(codes);
    }
}
