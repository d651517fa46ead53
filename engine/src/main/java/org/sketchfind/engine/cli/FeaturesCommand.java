package org.sketchfind.engine.cli;

import org.sketchfind.engine.FeaturesRequest;
import org.sketchfind.engine.FeaturesResult;
import org.sketchfind.engine.Sketchfind;
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
    public Integer call() {
        FeaturesResult f;
        try (Sketchfind engine = new Sketchfind()) {
            f = CliJobs.awaitCancellingOnExit(engine.cacheFeatures(new FeaturesRequest(dir, cache, backbone.name),
                    CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("features", e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("photos", f.photos());
        out.put("sketches", f.sketches());
        out.put("cache", f.cache().toString());
        out.put("seconds", f.seconds());
        out.put("backbone", f.backbone());
        if (json) {
            JsonOutput.print(out, System.out);
        } else {
            System.out.printf("%d photos, %d sketches cached in %s (%.1f s)%n", f.photos(), f.sketches(), f.cache(),
                    f.seconds());
        }
        return 0;
    }
}
