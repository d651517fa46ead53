package org.sketchfind.app.search;

import java.util.List;

/**
 * What a search returned.
 *
 * @param hits          best first
 * @param model         the model that encoded the sketch and the photos (its id or name)
 * @param elapsedMillis time the search took
 */
public record SearchOutcome(List<SearchHit> hits, String model, long elapsedMillis) {
    public SearchOutcome {
        hits = List.copyOf(hits);
    }
}
