package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.data.LabeledDrawing;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.data.Rasterizer;
import org.sketchfind.engine.data.ReadResult;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a query for the command line: an image file, or the first drawing of a Quick, Draw! ndjson file. */
final class QueryInput {
    private QueryInput() {
    }

    static boolean isNdjson(Path file) {
        return org.sketchfind.engine.eval.QueryFiles.isNdjson(file);
    }

    /** The first well-formed drawing of an ndjson file, rasterized like every sketch. */
    static BufferedImage firstDrawing(Path file) throws IOException {
        ReadResult<LabeledDrawing> r = QuickDrawReader.read(file);
        if (r.items().isEmpty()) {
            String why = r.problems().isEmpty() ? "no drawing in it" : r.problems().get(0).toString();
            throw new IOException(file + ": no usable drawing (" + why + ")");
        }
        return Rasterizer.defaults().renderRgb(r.items().get(0).drawing());
    }

    /** An image file (any supported format, EXIF orientation applied). */
    static BufferedImage image(Path file) throws IOException {
        return ImageLoader.load(file);
    }
}
