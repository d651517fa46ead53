package org.sketchfind.engine.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The seam between the catalogue and image decoding. The indexer calls it from several threads at once, so an
 * implementation must be thread-safe. {@link ImageLoaderDecoder} (the data layer's image loader: EXIF
 * orientation, CMYK/16-bit, TwelveMonkeys formats) is the default; another can be given through
 * {@link Indexer.Options#decoder(ImageDecoder)}.
 *
 * <p>Failure contract: any file that cannot be turned into an image (unknown format, corrupt, truncated, empty,
 * declared dimensions above the limit, unreadable) throws an {@link IOException} whose message is the cause as a
 * user should read it ("image too large: 100000×100000 declared, limit 100 megapixels"). It must never throw an
 * {@link OutOfMemoryError} for a decompression bomb: check declared dimensions before decoding.
 */
public interface ImageDecoder {
    /** Decodes {@code file}, upright (EXIF orientation applied) if the implementation supports it. */
    DecodedImage decode(Path file) throws IOException;
}
