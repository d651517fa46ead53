package org.sketchfind.engine.index;

import java.util.List;

/**
 * Hamming-distance search over a {@link PackedCodes} store.
 *
 * <p><b>Order and ties (every implementation):</b> results are sorted by increasing Hamming distance, and among
 * equal distances by increasing row (insertion order into the store). Top-k therefore keeps, at the k-th distance,
 * the codes that were added first. Exhaustive, multi-threaded and multi-index searches return identical lists.
 */
public interface HammingSearcher {
    /**
     * The {@code k} nearest codes to {@code query} (fewer when the store holds fewer). {@code k == 0} gives an
     * empty list.
     *
     * @throws IllegalArgumentException when k is negative or the query is not a code of the store's bit length
     */
    List<Hit> nearest(long[] query, int k);

    /**
     * All codes within Hamming distance {@code radius} of {@code query} (inclusive), in the same order.
     *
     * @throws IllegalArgumentException when radius is negative or the query is not a code of the store's length
     */
    List<Hit> withinRadius(long[] query, int radius);

    /** Code length in bits. */
    int bits();

    /** Number of codes searched. */
    int size();

    /** Short name for logs and benchmarks, e.g. "exhaustive(2 threads)" or "mih(m=4)". */
    String describe();
}
