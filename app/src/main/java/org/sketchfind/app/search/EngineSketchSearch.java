package org.sketchfind.app.search;

import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.SearchResult;

/**
 * The default {@link SketchSearch}: the engine's search over the open collection. A drawing is rasterized and
 * encoded by the sketch encoder g, an image by g or by the photo encoder f, a photo of the collection by its stored
 * code; then the nearest photos of the active model: a drawing (or a sketch image) by the cosine of its encoder's
 * real-valued outputs and the photos' stored ones ({@code PhotoCollection.DEFAULT_RANKING}; asymmetric scores while
 * some photo has none yet), the rest, and refined searches, by Hamming distance.
 */
public final class EngineSketchSearch implements SketchSearch {
    private final PhotoCollection collection;

    public EngineSketchSearch(PhotoCollection collection) {
        this.collection = collection;
    }

    @Override
    public SearchResult search(SearchQuery query, int k, int expand) throws Exception {
        if (query instanceof SearchQuery.Drawing d) {
            return collection.search(d.sketch(), k, expand);
        }
        if (query instanceof SearchQuery.Image i) {
            return i.asSketch() ? collection.search(i.image(), k, expand) : collection.searchPhoto(i.image(), k, expand);
        }
        SearchQuery.LikePhoto p = (SearchQuery.LikePhoto) query;
        return collection.searchLike(p.photoId(), k, expand);
    }
}
