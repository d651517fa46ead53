package org.sketchfind.app.search;

import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.index.CatalogueService;

import java.util.List;

/**
 * The default {@link SketchSearch}: the engine's sketch search over the open catalogue (the drawing rasterized,
 * encoded by the sketch encoder g, then the nearest photo codes of the active model by Hamming distance).
 */
public final class EngineSketchSearch implements SketchSearch {
    private final Sketchfind engine;
    private final CatalogueService catalogue;

    public EngineSketchSearch(Sketchfind engine, CatalogueService catalogue) {
        this.engine = engine;
        this.catalogue = catalogue;
    }

    @Override
    public SearchOutcome search(Drawing drawing, int k) throws Exception {
        long t0 = System.nanoTime();
        Sketchfind.SearchResult r = engine.search(catalogue, drawing, k);
        List<SearchHit> hits = r.hits().stream()
                .map(h -> new SearchHit(h.photoId(), h.path(), h.distance(), h.thumbnail())).toList();
        return new SearchOutcome(hits, r.model(), (System.nanoTime() - t0) / 1_000_000);
    }
}
