package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Seen-class retrieval with drawings of another style as queries against the photos the model's training held out
 * ({@link Sketchfind#crossStyle}).
 *
 * @param model    model file, or null for the shipped default
 * @param data     the training data set (Sketchy layout)
 * @param drawings folders of drawings to query with: Quick, Draw! ndjson folders or class folders of sketches
 * @param glove    GloVe vectors, or null for {@code <data>/../glove/glove.6B.100d.top40k.txt}
 * @param heldOut  photos per seen class the training held out (its held-out setting)
 * @param seed     the training's seed (it chose which photos were held out)
 * @param expand   query expansion k (0: none)
 * @param split    split column of classes.tsv
 * @param cache    feature cache folder, or null for the default
 * @param asymmetric also rank each source by asymmetric scores where the model has real-valued sketch outputs (a
 *                 source of its own, named "… (asymmetric ranking)")
 * @param realValued also rank each source by the cosine of the sketch's and the photos' real-valued outputs where the
 *                 model has them (a source of its own, named "… (real-valued ranking)")
 */
public record CrossStyleRequest(Path model, Path data, List<Path> drawings, Path glove, int heldOut, long seed,
                                int expand, String split, Path cache, boolean asymmetric, boolean realValued) {
    public CrossStyleRequest {
        drawings = List.copyOf(drawings);
    }

    /** Without real-valued rows. */
    public CrossStyleRequest(Path model, Path data, List<Path> drawings, Path glove, int heldOut, long seed,
                             int expand, String split, Path cache, boolean asymmetric) {
        this(model, data, drawings, glove, heldOut, seed, expand, split, cache, asymmetric, false);
    }

    /** Without asymmetric or real-valued rows. */
    public CrossStyleRequest(Path model, Path data, List<Path> drawings, Path glove, int heldOut, long seed,
                             int expand, String split, Path cache) {
        this(model, data, drawings, glove, heldOut, seed, expand, split, cache, false, false);
    }
}
