package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.SeenClasses;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ItqHasher;
import org.sketchfind.engine.model.SqueezeNet;
import org.sketchfind.engine.train.DatasetFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code itq --data DIR --bits M --out FILE}: fits the "ImageNet features + ITQ" model (pooled SqueezeNet features of
 * the SEEN classes' photos and sketches, one ITQ rotation) — the stand-in hashing model before a ZSIH model exists.
 */
@Command(name = "itq", mixinStandardHelpOptions = true,
        description = "Fit the ImageNet-features + ITQ hashing model on the seen classes of a data set.")
public final class ItqCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR")
    Path data;

    @Option(names = "--split", defaultValue = "split_sake_zeroshot1_25unseen", paramLabel = "COLUMN")
    String split;

    @Option(names = "--bits", defaultValue = "64")
    int bits;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--cache", paramLabel = "DIR")
    Path cache;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Dataset dataset = Dataset.scan(data);
        ZeroShotSplit zs = dataset.split(split).orElse(null);
        if (zs == null) {
            System.err.println("sketchfind itq: " + data + " has no classes.tsv with a column " + split);
            return 2;
        }
        SeenClasses seen = zs.seen();
        FeatureExtractor fx = new FeatureExtractor(SqueezeNet.load());
        Path cacheDir = cache != null ? cache : FeaturesCommand.defaultCache();
        try (DatasetFeatures f = DatasetFeatures.load(dataset, cacheDir, fx, System.err::println)) {
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
            if (json) {
                JsonOutput.print(o, System.out);
            } else {
                System.out.println(o);
            }
        }
        return 0;
    }
}
