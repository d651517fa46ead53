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
 * @param ranking      how the photos were ranked ({@link PhotoCollection#DEFAULT_RANKING}); a hit's distance is in bits
 *                     whichever it was
 */
public record SearchResult(List<Hit> hits, String model, int bits, int searched, double encodeMillis,
                           double searchMillis, SearchRanking ranking) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** Encoding and ranking together, in milliseconds. */
    public double totalMillis() {
        return encodeMillis + searchMillis;
    }
}
