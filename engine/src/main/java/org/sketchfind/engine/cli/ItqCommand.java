package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.SeenClasses;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ItqHasher;
import org.sketchfind.engine.features.DatasetFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code itq --data DIR --bits M --out FILE}: fits the "ImageNet features + ITQ" model (pooled backbone features of
 * the SEEN classes' photos and sketches, one ITQ rotation) — the stand-in hashing model before a ZSIH model exists.
 */
@Command(name = "itq", mixinStandardHelpOptions = true,
        description = "Fit the ImageNet-features + ITQ hashing model on the seen classes of a data set.")
public final class ItqCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR")
    Path data;

    @Option(names = "--bits", defaultValue = "64")
    int bits;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Mixin
    BackboneOption backbone = new BackboneOption();

    @Override
    public Integer call() throws Exception {
        DatasetOptions.SplitDataset ds = common.openOrReport("itq", data);
        if (ds == null) {
            return 2;
        }
        SeenClasses seen = ds.split().seen();
        FeatureExtractor fx = backbone.extractor();
        try (DatasetFeatures f = DatasetFeatures.load(ds.dataset(), common.cacheDir(), fx, System.err::println)) {
            List<LabeledImage> photos = seen.select(f.photos()).items();
            List<LabeledImage> sketches = seen.select(f.sketches()).items();
            List<float[]> all = new ArrayList<>(List.of(f.pooledPhotos(photos)));
            all.addAll(List.of(f.pooledSketches(sketches)));
            long t0 = System.nanoTime();
            ItqHasher itq = ItqHasher.fit(all.toArray(new float[0][]), bits, seed);
            itq.save(out);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", out.toString());
            o.put("bits", bits);
            o.put("seen_classes", seen.size());
            o.put("photos", photos.size());
            o.put("sketches", sketches.size());
            o.put("seconds", (System.nanoTime() - t0) / 1e9);
            o.put("backbone", fx.backbone().name());
            common.print(o);
        }
        return 0;
    }
}
