package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.eval.ClassLabels;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.EvaluationData;
import org.sketchfind.engine.eval.Report;
import org.sketchfind.engine.eval.ReportTable;
import org.sketchfind.engine.eval.ReportWriter;
import org.sketchfind.engine.eval.SeenFeatureSets;
import org.sketchfind.engine.eval.baseline.Baselines;
import org.sketchfind.engine.eval.baseline.FeatureSet;
import org.sketchfind.engine.eval.baseline.PaperTable;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.features.FeatureMapsSubset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                    + org.sketchfind.engine.model.Backbones.DEFAULT + " without models); with more than one, each"
                    + " baseline row names its backbone")
    List<String> baselineBackbones = new ArrayList<>();

    @Option(names = "--expand", defaultValue = "0", paramLabel = "K",
            description = "also measure every hashing row with query expansion from its K nearest photos (a search-time"
                    + " step; rows named '+ query expansion (k = K)'); default 0: none")
    int expand;

    /** The unseen queries and gallery of the split with one backbone's maps, and the seen classes' features. */
    private record Unseen(FeatureMaps queries, int[] queryLabels, FeatureMaps gallery, int[] galleryLabels,
                          FeatureSet train, FeatureSet test) {
    }

    @Override
    public Integer call() throws Exception {
        DatasetOptions.SplitDataset ds = common.openOrReport("paper-table", data);
        if (ds == null) {
            return 2;
        }
        Dataset dataset = ds.dataset();
        ZeroShotSplit zs = ds.split();
        String split = zs.column();
        Path gloveFile = glove != null ? glove : data.toAbsolutePath().getParent().resolve("glove/glove.6B.100d.top40k.txt");
        GloveVectors gv = GloveVectors.load(gloveFile);
        Path cacheDir = common.cacheDir();
        Map<Row, HashingModel> rows = new LinkedHashMap<>();
        for (String value : models) {
            ModelArgument arg = ModelArgument.parse(value);
            HashingModel m = HashingModels.load(arg.file());
            Row row = new Row(arg.rowName(m.method()), m.bits());
            if (rows.putIfAbsent(row, m) != null) {
                System.err.println("sketchfind paper-table: two models would share the row '" + row.name()
                        + "' at " + row.bits() + " bits; name one with --model LABEL=" + arg.file());
                return 2;
            }
        }
        List<String> forBaselines = new ArrayList<>();
        for (String b : baselineBackbones) {
            forBaselines.add(org.sketchfind.engine.model.Backbones.checkName(b));
        }
        if (forBaselines.isEmpty()) {
            rows.values().stream().map(m -> m.backbone().name()).distinct().forEach(forBaselines::add);
        }
        if (forBaselines.isEmpty()) {
            forBaselines.add(org.sketchfind.engine.model.Backbones.DEFAULT);
        }
        List<String> names = zs.unseen().forEvaluation().names();
        ClassLabels labels = new ClassLabels();
        names.forEach(labels::labelOf);
        Evaluation.Options opts = Evaluation.Options.defaults().withSplit(split + ":unseen");
        Map<String, Unseen> byBackbone = new LinkedHashMap<>();
        List<Report> reports = new ArrayList<>();
        for (Map.Entry<Row, HashingModel> e : rows.entrySet()) {
            HashingModel m = e.getValue();
            Unseen u = unseen(m.backbone().name(), dataset, zs, gv, labels, cacheDir, byBackbone);
            opts = opts.withPrecisionK(Math.min(100, u.galleryLabels().length));
            long[][] q = EvaluateCommand.codes(m, u.queries(), true);
            long[][] g = EvaluateCommand.codes(m, u.gallery(), false);
            reports.add(Evaluation.hamming(e.getKey().name(), m.bits(), q, u.queryLabels(), g, u.galleryLabels(),
                    labels.names(), opts));
            if (expand > 0) {
                reports.add(Evaluation.hamming(e.getKey().name() + expansionSuffix(), m.bits(), q, u.queryLabels(), g,
                        u.galleryLabels(), labels.names(), opts.withExpand(expand)));
            }
            System.err.println("evaluated " + m.name());
        }
        for (String b : forBaselines) {
            Unseen u = unseen(b, dataset, zs, gv, labels, cacheDir, byBackbone);
            List<Report> baseline = Baselines.runAll(u.train(), u.test(), bits,
                    Baselines.Config.defaults(42).withLog(System.err::println));
            String suffix = forBaselines.size() > 1 ? " [" + FeatureExtractor.of(b).backbone().displayName() + "]" : "";
            baseline.forEach(r -> reports.add(suffix.isEmpty() ? r : r.withModel(r.model() + suffix)));
            if (expand > 0) {
                Baselines.Config cfg = Baselines.Config.defaults(42).withLog(System.err::println);
                for (Report r : Baselines.runAll(u.train(), u.test(), bits,
                        cfg.withOptions(cfg.options().withExpand(expand)))) {
                    if (r.bits() != null) {
                        reports.add(r.withModel(r.model() + suffix + expansionSuffix()));
                    }
                }
            }
        }
        PaperTable.Header header = new PaperTable.Header(
                "Zero-shot sketch-based image retrieval, " + data.getFileName(), data.toString(),
                split + " (" + names.size() + " unseen classes)");
        PaperTable.write(out, header, reports, bits);
        if (reportDir != null) {
            ReportWriter.write(reportDir, reports);
        }
        if (common.json) {
            JsonOutput.print(ReportWriter.toJson(reports), System.out);
        } else {
            System.out.print(ReportTable.format(reports));
            System.out.println("table: " + out.toAbsolutePath());
        }
        return 0;
    }

    private String expansionSuffix() {
        return " + query expansion (k = " + expand + ")";
    }

    /** The unseen classes' maps of one backbone (computed or read from the cache once per backbone). */
    private static Unseen unseen(String backbone, Dataset dataset, ZeroShotSplit zs, GloveVectors gv,
                                 ClassLabels labels, Path cacheDir, Map<String, Unseen> byBackbone)
            throws java.io.IOException {
        Unseen cached = byBackbone.get(backbone);
        if (cached != null) {
            return cached;
        }
        DatasetFeatures f = DatasetFeatures.load(dataset, cacheDir, FeatureExtractor.of(backbone), System.err::println);
        List<LabeledImage> qs = zs.unseen().forEvaluation().select(f.sketches()).items();
        List<LabeledImage> gs = zs.unseen().forEvaluation().select(f.photos()).items();
        int[] ql = labels.labelsOf(qs.stream().map(LabeledImage::className).toList());
        int[] gl = labels.labelsOf(gs.stream().map(LabeledImage::className).toList());
        FeatureMaps qm = new FeatureMapsSubset(f.sketchMaps(), rows(f.sketches(), qs));
        FeatureMaps gm = new FeatureMapsSubset(f.photoMaps(), rows(f.photos(), gs));
        System.err.printf("unseen classes of %s (%s): %d sketch queries, %d gallery photos, %d classes%n",
                zs.column(), backbone, ql.length, gl.length, labels.names().size());
        List<String> names = labels.names();
        float[][] testVectors = names.stream().map(n -> gv.classVectorsByName(List.of(n)).get(n))
                .toArray(float[][]::new);
        FeatureSet test = new FeatureSet(names, testVectors, qm.pooledAll(), ql, gm.pooledAll(), gl);
        FeatureSet train = SeenFeatureSets.of(f, zs, gv).features();
        Unseen u = new Unseen(qm, ql, gm, gl, train, test);
        byBackbone.put(backbone, u);
        return u;
    }

    private static int[] rows(List<LabeledImage> all, List<LabeledImage> chosen) {
        Map<LabeledImage, Integer> row = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            row.put(all.get(i), i);
        }
        return chosen.stream().mapToInt(row::get).toArray();
    }

    /** A row of the table at one code length. */
    private record Row(String name, int bits) {
    }
}
