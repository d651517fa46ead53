package org.sketchfind.engine.data;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What {@link ImageLoader#info} learns about an image without decoding its pixels.
 *
 * @param format      the decoder's format name (e.g. "jpeg", "png")
 * @param width       width as displayed, i.e. after the EXIF orientation is applied
 * @param height      height as displayed, i.e. after the EXIF orientation is applied
 * @param orientation EXIF orientation 1..8 (1 when absent or invalid)
 * @param gray        true when the stored image has a single colour channel (plus perhaps alpha)
 * @param taken       EXIF DateTimeOriginal (local camera time, no zone), if present and valid
 */
public record ImageInfo(String format, int width, int height, int orientation, boolean gray,
                        Optional<LocalDateTime> taken) {
    /** Width × height. */
    public long pixels() {
        return (long) width * height;
    }
}
