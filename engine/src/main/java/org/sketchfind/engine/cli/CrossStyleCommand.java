package org.sketchfind.engine.cli;

import org.sketchfind.engine.CrossStyleRequest;
import org.sketchfind.engine.CrossStyleResult;
import org.sketchfind.engine.Sketchfind;
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
 * (Quick, Draw!, TU-Berlin) as queries against the photos the model's training held out.
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
    RankingOptions ranking = new RankingOptions();

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Override
    public Integer call() {
        CrossStyleResult r;
        try (Sketchfind engine = new Sketchfind()) {
            r = CliJobs.awaitCancellingOnExit(engine.crossStyle(new CrossStyleRequest(model, data, drawings, glove,
                    heldOut, seed, expand, common.split, common.cache, ranking.asymmetric,
                    ranking.realValued), CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("cross-style", e);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CrossStyleResult.Source s : r.sources()) {
            rows.add(s.json());
            if (!common.json) {
                System.out.printf(Locale.ROOT, "%-40s %5d queries  gallery %4d  mAP@all %.4f  P@%d %.4f%n",
                        s.source(), s.score().queries(), s.score().gallery(), s.score().mapAll(),
                        s.score().precisionK(), s.score().precisionAtK());
            }
        }
        if (common.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", r.model());
            out.put("sources", rows);
            JsonOutput.print(out, System.out);
        }
        return 0;
    }
}
