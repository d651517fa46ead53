package org.sketchfind.engine;

import org.sketchfind.engine.data.ImageInfo;
import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.data.LabeledDrawing;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.data.Rasterizer;
import org.sketchfind.engine.data.ReadResult;
import org.sketchfind.engine.eval.QueryFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A query read from a file: an image (any supported format, EXIF orientation applied), or the first well-formed
 * drawing of a Quick, Draw! ndjson file rasterized like every sketch.
 *
 * @param image   the pixels to encode
 * @param drawing whether it came from an ndjson drawing
 * @param gray    whether the file holds a single-channel image (a sketch, unless told otherwise); false for
 *                drawings
 */
public record QueryImage(BufferedImage image, boolean drawing, boolean gray) {
    /**
     * Reads {@code file} as a drawing if its name says ndjson ({@code .ndjson}, {@code .jsonl}), else as an image;
     * an IOException that names the file says why it cannot be used.
     */
    public static QueryImage read(Path file) throws IOException {
        return QueryFiles.isNdjson(file) ? drawing(file) : image(file);
    }

    /** The first well-formed drawing of a Quick, Draw! ndjson file, rasterized like every sketch. */
    public static QueryImage drawing(Path file) throws IOException {
        ReadResult<LabeledDrawing> r = QuickDrawReader.read(file);
        if (r.items().isEmpty()) {
            String why = r.problems().isEmpty() ? "no drawing in it" : r.problems().get(0).toString();
            throw new IOException(file + ": no usable drawing (" + why + ")");
        }
        return new QueryImage(Rasterizer.defaults().renderRgb(r.items().get(0).drawing()), true, false);
    }

    /** An image file (any supported format, EXIF orientation applied, size guard checked). */
    public static QueryImage image(Path file) throws IOException {
        ImageInfo info = ImageLoader.info(file);
        return new QueryImage(ImageLoader.load(file), false, info.gray());
    }
}
