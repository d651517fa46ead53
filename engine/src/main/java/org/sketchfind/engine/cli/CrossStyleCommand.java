package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.eval.CrossStyle;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cross-style --model FILE --data DIR --drawings DIR …}: seen-class retrieval with drawings of another style
 * (Quick, Draw!, TU-Berlin) as queries against the photos the model's training held out ({@link CrossStyle}).
 */
@Command(name = "cross-style", mixinStandardHelpOptions = true,
        description = "Seen-class retrieval with Quick, Draw! or TU-Berlin drawings as queries against the photos the"
                + " model's training held out.")
public final class CrossStyleCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped default)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the training data set (Sketchy layout)")
    Path data;

    @Option(names = "--drawings", required = true, paramLabel = "DIR",
            description = "drawings to query with: a Quick, Draw! ndjson folder or class folders of sketches (repeatable)")
    List<Path> drawings = new ArrayList<>();

    @Option(names = "--glove", paramLabel = "FILE", description = "default: <data>/../glove/glove.6B.100d.top40k.txt")
    Path glove;

    @Option(names = "--held-out", defaultValue = "3", description = "photos per seen class the training held out"
            + " (its --held-out; default ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--seed", defaultValue = "42", description = "the training's --seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--expand", defaultValue = "0", paramLabel = "K", description = "query expansion k (default 0)")
    int expand;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Override
    public Integer call() throws Exception {
        DatasetOptions.SplitDataset ds = common.openOrReport("cross-style", data);
        if (ds == null) {
            return 2;
        }
        Path gloveFile = glove != null ? glove : data.toAbsolutePath().getParent().resolve("glove/glove.6B.100d.top40k.txt");
        HashingModel m = HashingModels.load(model != null ? model : HashingModels.defaultModelFile());
        List<Map<String, Object>> rows = new ArrayList<>();
        try (DatasetFeatures f = DatasetFeatures.load(ds.dataset(), common.cacheDir(), new FeatureExtractor(m.backbone()),
                System.err::println)) {
            for (CrossStyle.Result r : CrossStyle.evaluate(m, f, ds.split(), GloveVectors.load(gloveFile), heldOut, seed,
                    drawings, Evaluation.Options.defaults().withExpand(expand), System.err::println)) {
                Map<String, Object> o = new LinkedHashMap<>(r.report().toJson());
                o.put("source", r.source());
                o.put("left_out", r.leftOut());
                rows.add(o);
                if (!common.json) {
                    System.out.printf(Locale.ROOT, "%-40s %5d queries  gallery %4d  mAP@all %.4f  P@%d %.4f%n",
                            r.source(), r.report().queries(), r.report().gallery(), r.report().mapAll(),
                            r.report().precisionK(), r.report().precisionAtK());
                }
            }
        }
        if (common.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", m.name());
            out.put("sources", rows);
            JsonOutput.print(out, System.out);
        }
        return 0;
    }
}
