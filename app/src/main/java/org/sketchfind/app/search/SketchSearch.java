package org.sketchfind.app.search;

import org.sketchfind.engine.SearchResult;

/**
 * The seam between the Search page and the engine: ranks the collection's photos for a query. Called on a
 * background thread, never on the FX thread; may take a while and may throw (the page shows the message).
 */
public interface SketchSearch {
    /**
     * @param query  a non-empty drawing, an image, or a photo of the collection
     * @param k      how many hits at most
     * @param expand query expansion with this many top matches (0: none)
     */
    SearchResult search(SearchQuery query, int k, int expand) throws Exception;
}
