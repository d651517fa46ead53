package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.index.DataDirs;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.features.DatasetFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code features DIR}: computes (once) and caches the backbone feature maps of a data set's photos and sketches. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute and cache a backbone's feature maps of a data set (used by train, evaluate, tsne).")
public final class FeaturesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "data set folder (e.g. a Sketchy root)")
    Path dir;

    @Option(names = "--cache", paramLabel = "DIR", description = "cache folder (default: <data folder>/cache/features)")
    Path cache;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @picocli.CommandLine.Mixin
    BackboneOption backbone = new BackboneOption();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Dataset dataset = Dataset.scan(dir);
        Path cacheDir = cache != null ? cache : defaultCache();
        FeatureExtractor fx = backbone.extractor();
        try (DatasetFeatures f = DatasetFeatures.load(dataset, cacheDir, fx, System.err::println)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("photos", f.photos().size());
            out.put("sketches", f.sketches().size());
            out.put("cache", cacheDir.toString());
            out.put("seconds", (System.nanoTime() - t0) / 1e9);
            out.put("backbone", fx.backbone().name());
            if (json) {
                JsonOutput.print(out, System.out);
            } else {
                System.out.printf("%d photos, %d sketches cached in %s (%.1f s)%n", f.photos().size(),
                        f.sketches().size(), cacheDir, (System.nanoTime() - t0) / 1e9);
            }
        }
        return 0;
    }

    /** {@code <per-user data folder>/cache/features}. */
    static Path defaultCache() {
        return DataDirs.defaultDataDir().resolve("cache").resolve("features");
    }
}
