package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The paper's Table 1/2 layout {@link Sketchfind#paperTable} measures on the unseen classes of a data set's split.
 *
 * @param data              data set root
 * @param glove             GloVe vectors, or null for {@code <data>/../glove/glove.6B.100d.top40k.txt}
 * @param models            trained models, each {@code FILE} or {@code LABEL=FILE} (LABEL names its row)
 * @param bits              bit lengths of the hashing baselines
 * @param out               the Markdown table to write
 * @param reportDir         where the full reports go too (JSON, CSV, plots), or null
 * @param split             split column of classes.tsv
 * @param cache             feature cache folder, or null for the default
 * @param baselineBackbones backbones to run every baseline on (empty: the models' backbones, or the default)
 * @param expand            also measure every hashing row with query expansion from its {@code expand} nearest
 *                          photos (rows named "+ query expansion (k = K)"); 0: none
 * @param asymmetric        also measure every model with real-valued sketch outputs by asymmetric ranking (rows named
 *                          "+ asymmetric ranking"; {@link org.sketchfind.engine.code.AsymmetricScore})
 * @param realValued        also measure every model with real-valued sketch and photo outputs by their cosine (rows
 *                          named "+ real-valued ranking"; {@link org.sketchfind.engine.code.CosineScore})
 */
public record PaperTableRequest(Path data, Path glove, List<String> models, int[] bits, Path out, Path reportDir,
                                String split, Path cache, List<String> baselineBackbones, int expand,
                                boolean asymmetric, boolean realValued) {
    public PaperTableRequest {
        models = List.copyOf(models);
        bits = bits.clone();
        baselineBackbones = List.copyOf(baselineBackbones);
    }

    /** Without real-valued rows. */
    public PaperTableRequest(Path data, Path glove, List<String> models, int[] bits, Path out, Path reportDir,
                             String split, Path cache, List<String> baselineBackbones, int expand,
                             boolean asymmetric) {
        this(data, glove, models, bits, out, reportDir, split, cache, baselineBackbones, expand, asymmetric, false);
    }

    /** Without asymmetric or real-valued rows. */
    public PaperTableRequest(Path data, Path glove, List<String> models, int[] bits, Path out, Path reportDir,
                             String split, Path cache, List<String> baselineBackbones, int expand) {
        this(data, glove, models, bits, out, reportDir, split, cache, baselineBackbones, expand, false, false);
    }
}
