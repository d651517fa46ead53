package org.sketchfind.engine.index;

import org.sketchfind.engine.data.ImageInfo;
import org.sketchfind.engine.data.ImageLoadException;
import org.sketchfind.engine.data.ImageLoader;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The catalogue's {@link ImageDecoder} on the data layer's {@link ImageLoader}: every supported format
 * (TwelveMonkeys JPEG incl. CMYK, TIFF, WebP, BMP; PNG, GIF), the EXIF orientation applied, declared dimensions
 * checked against the pixel limit before any pixel is decoded. The skip reason recorded in the catalogue is the
 * loader's cause without the path (the catalogue row already names the file). Thread-safe: the loader is stateless.
 */
public final class ImageLoaderDecoder implements ImageDecoder {
    private final long maxPixels;

    public ImageLoaderDecoder() {
        this(ImageLoader.maxPixels());
    }

    public ImageLoaderDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    @Override
    public DecodedImage decode(Path file) throws IOException {
        try {
            ImageInfo info = ImageLoader.info(file, maxPixels);
            BufferedImage image = ImageLoader.load(file, maxPixels);
            // ImageInfo reports displayed (upright) dimensions; the catalogue stores the file's own.
            boolean swapped = info.orientation() >= 5;
            int width = swapped ? info.height() : info.width();
            int height = swapped ? info.width() : info.height();
            Instant taken = info.taken().map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null);
            return new DecodedImage(image, width, height, info.orientation(), taken, true);
        } catch (ImageLoadException e) {
            throw new IOException(e.reason(), e);
        }
    }
}
