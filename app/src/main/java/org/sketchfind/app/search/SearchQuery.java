package org.sketchfind.app.search;

import org.sketchfind.engine.Sketch;

import java.awt.image.BufferedImage;

/** What the Search page searches with: the canvas's drawing, an image file (a sketch or a photo), or a result. */
public sealed interface SearchQuery {
    /** The strokes on the canvas. */
    record Drawing(Sketch sketch) implements SearchQuery {
    }

    /**
     * An image file dropped or opened.
     *
     * @param asSketch encode it with the sketch encoder g (a drawing) rather than the photo encoder f
     */
    record Image(BufferedImage image, boolean asSketch, String name) implements SearchQuery {
    }

    /** "More like this": the stored code of one of the collection's photos. */
    record LikePhoto(long photoId, String name) implements SearchQuery {
    }
}
