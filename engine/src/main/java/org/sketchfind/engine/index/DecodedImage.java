package org.sketchfind.engine.index;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/**
 * A decoded photo and what the catalogue records about it.
 *
 * @param image       the pixels, upright if {@code oriented}
 * @param width       stored width in pixels as declared by the file (before orientation)
 * @param height      stored height in pixels as declared by the file
 * @param orientation EXIF orientation tag 1..8 (1 = upright or no EXIF)
 * @param exifDate    EXIF DateTimeOriginal, or null when the file has none
 * @param oriented    whether {@code image} already has the orientation applied
 */
public record DecodedImage(BufferedImage image, int width, int height, int orientation, Instant exifDate,
                           boolean oriented) {
    public DecodedImage {
        Objects.requireNonNull(image, "image");
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
    }
}
