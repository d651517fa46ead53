package org.sketchfind.engine.cli;

import org.sketchfind.engine.EvaluationRequest;
import org.sketchfind.engine.EvaluationResult;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evaluate --model FILE … --queries DIR --gallery DIR [--classes TSV --split COLUMN --only unseen]}: zero-shot
 * retrieval figures of several models and baselines side by side, measured on the same queries and gallery.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate models and baselines: mAP@all (plain and tie-aware), P@100, PR curves, per-class AP.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "model file (repeatable)")
    List<Path> models = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "ID",
            description = "baseline (repeatable): imagenet-cosine, itq, dsh, ridge-glove, sae; all but imagenet-cosine need --train")
    List<String> baselines = new ArrayList<>();

    @Option(names = "--bits", defaultValue = "64", description = "bit length of binary baselines (default 64)")
    int bits;

    @Option(names = "--train", paramLabel = "DIR",
            description = "data set whose SEEN classes (of --split) fit the baselines that need fitting")
    Path train;

    @Option(names = "--glove", paramLabel = "FILE", description = "GloVe vectors (default: <train>/../glove/glove.6B.100d.top40k.txt)")
    Path glove;

    @Option(names = "--queries", required = true, paramLabel = "DIR",
            description = "sketch queries: class folders of images (Sketchy, TU-Berlin) or Quick, Draw! ndjson files")
    Path queries;

    @Option(names = "--gallery", required = true, paramLabel = "DIR", description = "class folders of photos")
    Path gallery;

    @Option(names = "--classes", paramLabel = "TSV", description = "classes.tsv with split columns")
    Path classes;

    @Option(names = "--only", defaultValue = "all", paramLabel = "SIDE", description = "unseen, seen or all (default)")
    String only;

    @Option(names = "--out", defaultValue = "sketchfind-evaluation", paramLabel = "DIR",
            description = "report folder: report.json, CSVs, PR-curve and per-class-AP plots (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Mixin
    BackboneOption backbone = new BackboneOption();

    @Option(names = "--expand", defaultValue = "0", paramLabel = "K",
            description = "rank Hamming rows with query expansion from the K nearest photos (default 0: none)")
    int expand;

    @Mixin
    RankingOptions ranking = new RankingOptions();

    @Override
    public Integer call() {
        if (models.isEmpty() && baselines.isEmpty()) {
            System.err.println("sketchfind evaluate: give at least one --model FILE or --baseline ID");
            return 2;
        }
        String side = only.toLowerCase(Locale.ROOT);
        if (!EvaluationRequest.ONLY.contains(side)) {
            System.err.println("sketchfind evaluate: --only must be unseen, seen or all");
            return 2;
        }
        EvaluationResult r;
        try (Sketchfind engine = new Sketchfind()) {
            r = CliJobs.awaitCancellingOnExit(engine.evaluate(new EvaluationRequest(models, baselines, bits, train,
                    glove, queries, gallery, classes, common.split, side, out, common.cache, backbone.name, expand,
                    ranking.asymmetric, ranking.realValued),
                    CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("evaluate", e);
        }
        if (common.json) {
            JsonOutput.print(r.json(), System.out);
        } else {
            System.out.print(r.table());
            System.out.println("report: " + out.toAbsolutePath() + " (" + r.files().size() + " files)");
        }
        return 0;
    }
}
