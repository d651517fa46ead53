package org.sketchfind.engine.data;

/** How thoroughly a reader checks each image file it lists. */
public enum ImageCheck {
    /** List files by extension only. */
    NONE,
    /** {@link ImageLoader#verify}: header, size limit and the format's end marker (cheap; the default). */
    HEADER,
    /** {@link ImageLoader#load}: decode every pixel (slow, thorough). */
    DECODE
}
