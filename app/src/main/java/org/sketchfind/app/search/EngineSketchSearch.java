package org.sketchfind.app.search;

import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;

/**
 * The default {@link SketchSearch}: the engine's sketch search over the open collection (the sketch rasterized,
 * encoded by the sketch encoder g, then the nearest photo codes of the active model by Hamming distance).
 */
public final class EngineSketchSearch implements SketchSearch {
    private final PhotoCollection collection;

    public EngineSketchSearch(PhotoCollection collection) {
        this.collection = collection;
    }

    @Override
    public SearchResult search(Sketch sketch, int k) throws Exception {
        return collection.search(sketch, k);
    }
}
