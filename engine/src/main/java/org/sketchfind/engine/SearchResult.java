package org.sketchfind.engine;

import java.util.List;

/**
 * What a search returns.
 *
 * @param hits         best first (smaller distance, then catalogue order)
 * @param model        the name of the model that encoded the sketch and the photos
 * @param bits         its code length
 * @param searched     photos with a code of that model (what was ranked)
 * @param encodeMillis time to rasterize and encode the sketch
 * @param searchMillis time to rank the collection and look up the hits' files
 * @param asymmetric   whether the photos were ranked by asymmetric scores
 *                     ({@link PhotoCollection#DEFAULT_ASYMMETRIC}) rather than the Hamming distance
 */
public record SearchResult(List<Hit> hits, String model, int bits, int searched, double encodeMillis,
                           double searchMillis, boolean asymmetric) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** Encoding and ranking together, in milliseconds. */
    public double totalMillis() {
        return encodeMillis + searchMillis;
    }
}
