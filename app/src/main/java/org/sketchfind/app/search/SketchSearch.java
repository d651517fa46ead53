package org.sketchfind.app.search;

import org.sketchfind.engine.data.Drawing;

/**
 * The seam between the Search page and the engine: ranks the collection's photos for a sketch. Called on a
 * background thread, never on the FX thread; may take a while and may throw (the page shows the message).
 */
public interface SketchSearch {
    /**
     * @param drawing a non-empty drawing from the canvas
     * @param k       how many hits at most
     */
    SearchOutcome search(Drawing drawing, int k) throws Exception;
}
