package org.sketchfind.engine.cli;

import org.sketchfind.engine.EvaluationResult;
import org.sketchfind.engine.PaperTableRequest;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code paper-table --data DIR --model FILE … --out FILE.md}: the paper's Table 1/2 layout (methods × bit lengths,
 * mAP@all and P@100) on the unseen classes of a data set's split, every row measured in the same run on the same
 * queries and gallery: the given models (ZSIH and its ablations, at any bit lengths) and every baseline (ITQ and
 * DSH-style per bit length, ImageNet cosine, ridge to GloVe, SAE), the baselines fitted on the seen classes only.
 */
@Command(name = "paper-table", mixinStandardHelpOptions = true,
        description = "Regenerate a paper-style table (methods x bit lengths) on the unseen classes of a data set.")
public final class PaperTableCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR")
    Path data;

    @Option(names = "--glove", paramLabel = "FILE", description = "default: <data>/../glove/glove.6B.100d.top40k.txt")
    Path glove;

    @Option(names = "--model", paramLabel = "[LABEL=]FILE",
            description = "trained model (repeatable); LABEL names its row when two models share a method and bit length")
    List<String> models = new ArrayList<>();

    @Option(names = "--bits", defaultValue = "32,64,128", split = ",", description = "bit lengths of the hashing baselines")
    int[] bits;

    @Option(names = "--out", required = true, paramLabel = "FILE.md")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "also write the full reports (JSON, CSV, plots) here")
    Path reportDir;

    @picocli.CommandLine.Mixin
    DatasetOptions common = new DatasetOptions();

    @Option(names = "--backbone", paramLabel = "NAME", split = ",",
            description = "backbones to run every baseline on (comma-separated; default: the models' backbones, or "
                    + Sketchfind.DEFAULT_BACKBONE + " without models); with more than one, each"
                    + " baseline row names its backbone")
    List<String> baselineBackbones = new ArrayList<>();

    @Option(names = "--expand", defaultValue = "0", paramLabel = "K",
            description = "also measure every hashing row with query expansion from its K nearest photos (a search-time"
                    + " step; rows named '+ query expansion (k = K)'); default 0: none")
    int expand;

    @picocli.CommandLine.Mixin
    RankingOptions ranking = new RankingOptions();

    @Override
    public Integer call() {
        EvaluationResult r;
        try (Sketchfind engine = new Sketchfind()) {
            r = CliJobs.awaitCancellingOnExit(engine.paperTable(new PaperTableRequest(data, glove, models, bits, out,
                    reportDir, common.split, common.cache, baselineBackbones, expand, ranking.asymmetric,
                    ranking.realValued), CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("paper-table", e);
        }
        if (common.json) {
            JsonOutput.print(r.json(), System.out);
        } else {
            System.out.print(r.table());
            System.out.println("table: " + out.toAbsolutePath());
        }
        return 0;
    }
}
