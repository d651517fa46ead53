package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Models and baselines {@link Sketchfind#evaluate} measures side by side on the same queries and gallery.
 *
 * @param models    model files (ZSIH zips or ITQ files)
 * @param baselines baseline ids ({@link Sketchfind#baselines()}); all but imagenet-cosine are fitted on {@code train}
 * @param bits      bit length of the binary baselines
 * @param train     data set whose SEEN classes (of {@code split}) fit the baselines that need fitting, or null
 * @param glove     GloVe vectors, or null for {@code <train>/../glove/glove.6B.100d.top40k.txt}
 * @param queries   sketch queries: class folders of images, or Quick, Draw! ndjson files
 * @param gallery   class folders of photos
 * @param classes   classes.tsv with split columns, or null (then {@code only} must be "all")
 * @param split     split column of {@code classes} and of {@code train}'s classes.tsv
 * @param only      one of {@link #ONLY}: which classes to keep
 * @param out       report folder (report.json, CSVs, plots)
 * @param cache     feature cache folder, or null for {@link Sketchfind#defaultFeatureCache()}
 * @param backbone  the baselines' backbone, or null for the first model's (or the default without models)
 * @param expand    rank Hamming rows with query expansion from the {@code expand} nearest photos (0: none)
 * @param asymmetric also rank each model that has real-valued sketch outputs by asymmetric scores (a row of its own,
 *                  "+ asymmetric ranking"; {@link org.sketchfind.engine.code.AsymmetricScore})
 * @param realValued also rank each model that has real-valued sketch and photo outputs by their cosine (a row of its
 *                  own, "+ real-valued ranking"; {@link org.sketchfind.engine.code.CosineScore})
 */
public record EvaluationRequest(List<Path> models, List<String> baselines, int bits, Path train, Path glove,
                                Path queries, Path gallery, Path classes, String split, String only, Path out,
                                Path cache, String backbone, int expand, boolean asymmetric, boolean realValued) {
    /** The sides of a split an evaluation can keep. */
    public static final List<String> ONLY = List.of("unseen", "seen", "all");

    public EvaluationRequest {
        models = List.copyOf(models);
        baselines = List.copyOf(baselines);
    }

    /** Without real-valued rows. */
    public EvaluationRequest(List<Path> models, List<String> baselines, int bits, Path train, Path glove,
                             Path queries, Path gallery, Path classes, String split, String only, Path out,
                             Path cache, String backbone, int expand, boolean asymmetric) {
        this(models, baselines, bits, train, glove, queries, gallery, classes, split, only, out, cache, backbone,
                expand, asymmetric, false);
    }

    /** Without asymmetric or real-valued rows. */
    public EvaluationRequest(List<Path> models, List<String> baselines, int bits, Path train, Path glove,
                             Path queries, Path gallery, Path classes, String split, String only, Path out,
                             Path cache, String backbone, int expand) {
        this(models, baselines, bits, train, glove, queries, gallery, classes, split, only, out, cache, backbone,
                expand, false, false);
    }
}
