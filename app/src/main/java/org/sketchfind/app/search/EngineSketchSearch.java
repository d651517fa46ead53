package org.sketchfind.app.search;

import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.index.CatalogueService;

/**
 * The default {@link SketchSearch}: the engine's sketch search over the open catalogue.
 * TODO(integrator): replace the body of {@link #search} with the facade's search call (sketch encoder g → code →
 * Hamming index over the catalogue's codes of the active model → hits with paths and thumbnails).
 */
public final class EngineSketchSearch implements SketchSearch {
    /** The message the UI shows while the engine's search is not wired in. */
    public static final String NOT_WIRED = "search engine not wired";

    private final Sketchfind engine;
    private final CatalogueService catalogue;

    public EngineSketchSearch(Sketchfind engine, CatalogueService catalogue) {
        this.engine = engine;
        this.catalogue = catalogue;
    }

    @Override
    public SearchOutcome search(Drawing drawing, int k) throws Exception {
        throw new UnsupportedOperationException(NOT_WIRED);
    }
}
