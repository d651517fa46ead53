package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The paper's Fig. 4 for a model ({@link Sketchfind#retrievalFigure}): for a few unseen classes, the first sketch
 * of the class (by file name) and its top photos among all the split's unseen photos.
 *
 * @param model   model file, or null for the shipped default
 * @param classes unseen classes to show (empty: six spread evenly over the alphabetical list of unseen classes)
 * @param top     photos per row
 * @param expand  query expansion k (0: none)
 * @param out     the PNG to write
 * @param split   split column of classes.tsv
 * @param cache   feature cache folder, or null for the default
 * @param hamming rank by Hamming distance even where the model has real-valued outputs (by default a ZSIH model's
 *                photos are ranked as the search ranks them: {@link PhotoCollection#DEFAULT_RANKING}); expansion always
 *                ranks by Hamming distance
 */
public record RetrievalFigureRequest(Path model, Path data, List<String> classes, int top, int expand, Path out,
                                     String split, Path cache, boolean hamming) {
    public RetrievalFigureRequest {
        classes = List.copyOf(classes);
    }

    /** Ranked as the search ranks. */
    public RetrievalFigureRequest(Path model, Path data, List<String> classes, int top, int expand, Path out,
                                  String split, Path cache) {
        this(model, data, classes, top, expand, out, split, cache, false);
    }
}
