package org.sketchfind.engine.cli;

import org.sketchfind.engine.ItqRequest;
import org.sketchfind.engine.ItqResult;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    public Integer call() {
        ItqResult r;
        try (Sketchfind engine = new Sketchfind()) {
            r = CliJobs.awaitCancellingOnExit(engine.fitItq(new ItqRequest(data, common.split, common.cache, bits, seed,
                    out, backbone.name), CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("itq", e);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", r.file().toString());
        o.put("bits", r.bits());
        o.put("seen_classes", r.seenClasses());
        o.put("photos", r.photos());
        o.put("sketches", r.sketches());
        o.put("seconds", r.seconds());
        o.put("backbone", r.backbone());
        common.print(o);
        return 0;
    }
}
