package org.sketchfind.engine.cli;

import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TsneRequest;
import org.sketchfind.engine.TsneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Override
    public Integer call() {
        TsneResult r;
        try (Sketchfind engine = new Sketchfind()) {
            r = CliJobs.awaitCancellingOnExit(engine.tsne(new TsneRequest(model, data, points, perplexity, seed, out,
                    name, common.split, common.cache), CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("tsne", e);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("points", r.points());
        o.put("unseen", r.unseen());
        o.put("model", r.model());
        o.put("kl", r.kl());
        o.put("files", r.files().stream().map(Path::toString).toList());
        o.put("seconds", r.seconds());
        common.print(o);
        return 0;
    }
}
