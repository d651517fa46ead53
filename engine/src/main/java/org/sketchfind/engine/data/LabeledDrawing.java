package org.sketchfind.engine.data;

import java.nio.file.Path;

/**
 * One Quick, Draw! drawing.
 *
 * @param className the {@code word} field (or, if absent, the class named by the file name)
 * @param drawing   its strokes (timed if the line was in the raw form)
 * @param file      the ndjson file
 * @param line      1-based line number in the file
 * @param keyId     the drawing's {@code key_id}, or "" when absent
 */
public record LabeledDrawing(String className, Drawing drawing, Path file, int line, String keyId)
        implements Labeled {
}
