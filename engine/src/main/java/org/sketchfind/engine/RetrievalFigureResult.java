package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * A retrieval figure written.
 *
 * @param classes      the classes shown, one row each
 * @param correctInTop per row, how many of the top photos are of the sketch's class
 */
public record RetrievalFigureResult(Path file, String model, List<String> classes, List<Long> correctInTop) {
    public RetrievalFigureResult {
        classes = List.copyOf(classes);
        correctInTop = List.copyOf(correctInTop);
    }
}
