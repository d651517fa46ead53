package org.sketchfind.app.search;

import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;

/**
 * The seam between the Search page and the engine: ranks the collection's photos for a sketch. Called on a
 * background thread, never on the FX thread; may take a while and may throw (the page shows the message).
 */
public interface SketchSearch {
    /**
     * @param sketch a non-empty sketch from the canvas
     * @param k      how many hits at most
     */
    SearchResult search(Sketch sketch, int k) throws Exception;
}
