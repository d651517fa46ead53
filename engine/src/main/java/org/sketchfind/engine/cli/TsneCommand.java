package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.eval.BarnesHutTsne;
import org.sketchfind.engine.eval.EvaluationData;
import org.sketchfind.engine.eval.TsnePlotWriter;
import org.sketchfind.engine.eval.TsnePoint;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code tsne --model FILE --data DIR}: a 2-D Barnes–Hut t-SNE of the model's codes of seen and unseen sketches and
 * photos (like the paper's Fig. 5), written as CSV and PNG (unseen classes labelled, modality by marker).
 */
@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "t-SNE of a model's codes of seen and unseen sketches and photos (CSV + PNG).")
public final class TsneCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped model)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data set root (photo/, sketch/, classes.tsv)")
    Path data;

    @Option(names = "--points", defaultValue = "2000", description = "points in all (default ${DEFAULT-VALUE}): "
            + "every unseen item up to half of them, the rest drawn from the seen classes")
    int points;

    @Option(names = "--perplexity", defaultValue = "30", description = "t-SNE perplexity (default ${DEFAULT-VALUE})")
    double perplexity;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--out", defaultValue = "sketchfind-tsne", paramLabel = "DIR")
    Path out;

    @Option(names = "--name", defaultValue = "tsne", description = "file name stem (default ${DEFAULT-VALUE})")
    String name;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    private record Item(LabeledImage image, TsnePoint.Modality modality, TsnePoint.Split side) {
    }

    @Override
    public Integer call() throws Exception {
        DatasetOptions.SplitDataset ds = common.openOrReport("tsne", data);
        if (ds == null) {
            return 2;
        }
        ZeroShotSplit zs = ds.split();
        HashingModel m = HashingModels.load(model != null ? model : HashingModels.defaultModelFile());
        FeatureExtractor fx = new FeatureExtractor(m.backbone());
        long t0 = System.nanoTime();
        try (DatasetFeatures f = DatasetFeatures.load(ds.dataset(), common.cacheDir(), fx, System.err::println)) {
            List<Item> unseen = new ArrayList<>();
            List<Item> seen = new ArrayList<>();
            for (LabeledImage s : zs.unseen().forEvaluation().select(f.sketches()).items()) {
                unseen.add(new Item(s, TsnePoint.Modality.SKETCH, TsnePoint.Split.UNSEEN));
            }
            for (LabeledImage p : zs.unseen().forEvaluation().select(f.photos()).items()) {
                unseen.add(new Item(p, TsnePoint.Modality.PHOTO, TsnePoint.Split.UNSEEN));
            }
            for (LabeledImage s : zs.seen().select(f.sketches()).items()) {
                seen.add(new Item(s, TsnePoint.Modality.SKETCH, TsnePoint.Split.SEEN));
            }
            for (LabeledImage p : zs.seen().select(f.photos()).items()) {
                seen.add(new Item(p, TsnePoint.Modality.PHOTO, TsnePoint.Split.SEEN));
            }
            Random rnd = new Random(seed);
            Collections.shuffle(unseen, rnd);
            Collections.shuffle(seen, rnd);
            List<Item> chosen = new ArrayList<>(unseen.subList(0, Math.min(unseen.size(), points / 2)));
            chosen.addAll(seen.subList(0, Math.min(seen.size(), points - chosen.size())));

            long[][] codes = codes(m, f, chosen);
            // t-SNE needs 3·perplexity ≤ N − 1: small sets get a smaller perplexity
            double usable = Math.min(perplexity, (chosen.size() - 1) / 3.0);
            if (usable < perplexity) {
                System.err.printf(java.util.Locale.ROOT, "perplexity %.1f instead of %.1f for %d points%n",
                        usable, perplexity, chosen.size());
            }
            if (usable < 1) {
                System.err.println("sketchfind tsne: too few points (" + chosen.size() + ") for t-SNE");
                return 2;
            }
            BarnesHutTsne.Result r = BarnesHutTsne.embed(BarnesHutTsne.fromCodes(codes, m.bits()),
                    BarnesHutTsne.Config.defaults().withSeed(seed).withPerplexity(usable));
            List<TsnePoint> pts = TsnePoint.of(r.embedding(),
                    chosen.stream().map(i -> i.image().className()).toList(),
                    chosen.stream().map(Item::side).toList(), chosen.stream().map(Item::modality).toList(),
                    chosen.stream().map(i -> i.image().path().toString()).toList());
            List<Path> files = TsnePlotWriter.write(out, name, pts,
                    "t-SNE of " + m.name() + " codes: " + data.getFileName() + ", " + common.split);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("points", pts.size());
            o.put("unseen", chosen.stream().filter(i -> i.side() == TsnePoint.Split.UNSEEN).count());
            o.put("model", m.name());
            o.put("kl", r.kl().length == 0 ? null : r.kl()[r.kl().length - 1]);
            o.put("files", files.stream().map(Path::toString).toList());
            o.put("seconds", (System.nanoTime() - t0) / 1e9);
            common.print(o);
        }
        return 0;
    }

    private static long[][] codes(HashingModel m, DatasetFeatures f, List<Item> items) {
        Map<LabeledImage, Integer> photoRow = rows(f.photos());
        Map<LabeledImage, Integer> sketchRow = rows(f.sketches());
        long[][] out = new long[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            boolean sketch = it.modality() == TsnePoint.Modality.SKETCH;
            FeatureMaps maps = sketch ? f.sketchMaps() : f.photoMaps();
            int row = (sketch ? sketchRow : photoRow).get(it.image());
            var one = EvaluationData.batch(maps, row, row + 1);
            out[i] = (sketch ? m.encodeSketchMaps(one) : m.encodePhotoMaps(one))[0];
        }
        return out;
    }

    private static Map<LabeledImage, Integer> rows(List<LabeledImage> all) {
        Map<LabeledImage, Integer> m = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            m.put(all.get(i), i);
        }
        return m;
    }
}
