package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.EvaluationData;
import org.sketchfind.engine.eval.Report;
import org.sketchfind.engine.eval.ReportTable;
import org.sketchfind.engine.eval.ReportWriter;
import org.sketchfind.engine.eval.SeenFeatureSets;
import org.sketchfind.engine.eval.baseline.Baseline;
import org.sketchfind.engine.eval.baseline.Baselines;
import org.sketchfind.engine.eval.baseline.FeatureSet;
import org.sketchfind.engine.eval.baseline.TrainingFeatures;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Override
    public Integer call() throws Exception {
        if (models.isEmpty() && baselines.isEmpty()) {
            System.err.println("sketchfind evaluate: give at least one --model FILE or --baseline ID");
            return 2;
        }
        EvaluationData.Only side;
        try {
            side = EvaluationData.Only.valueOf(only.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("sketchfind evaluate: --only must be unseen, seen or all");
            return 2;
        }
        List<HashingModel> loaded = new ArrayList<>();
        for (Path file : models) {
            loaded.add(HashingModels.load(file));
        }
        // baselines run on --backbone, else on the first model's backbone, so that they compare like with like
        String baselineBackbone = backbone.name != null || loaded.isEmpty() ? backbone.nameOrDefault()
                : loaded.get(0).backbone().name();
        Path cacheDir = common.cacheDir();
        Map<String, EvaluationData> byBackbone = new java.util.HashMap<>();
        List<Report> reports = new ArrayList<>();
        Evaluation.Options opts = null;
        for (HashingModel m : loaded) {
            EvaluationData data = dataFor(m.backbone().name(), side, cacheDir, byBackbone);
            opts = Evaluation.Options.defaults().withSplit(data.split()).withPrecisionK(Math.min(100, data.gallery()))
                    .withExpand(expand);
            long[][] q = codes(m, data.queryMaps(), true);
            long[][] g = codes(m, data.galleryMaps(), false);
            String row = expand > 0 ? m.name() + " + query expansion (k = " + expand + ")" : m.name();
            reports.add(Evaluation.hamming(row, m.bits(), q, data.queryLabels(), g, data.galleryLabels(),
                    data.classNames(), opts));
        }
        if (!baselines.isEmpty()) {
            EvaluationData data = dataFor(baselineBackbone, side, cacheDir, byBackbone);
            opts = Evaluation.Options.defaults().withSplit(data.split()).withPrecisionK(Math.min(100, data.gallery()))
                    .withExpand(expand);
            reports.addAll(runBaselines(data, FeatureExtractor.of(baselineBackbone), cacheDir, opts));
        }
        List<Path> files = ReportWriter.write(out, reports);
        if (common.json) {
            JsonOutput.print(ReportWriter.toJson(reports), System.out);
        } else {
            System.out.print(ReportTable.format(reports));
            System.out.println("report: " + out.toAbsolutePath() + " (" + files.size() + " files)");
        }
        return 0;
    }

    /** The queries and gallery with the maps of {@code backbone}, loaded (and cached on disk) once per backbone. */
    private EvaluationData dataFor(String backbone, EvaluationData.Only side, Path cacheDir,
                                   Map<String, EvaluationData> byBackbone) throws IOException {
        EvaluationData d = byBackbone.get(backbone);
        if (d == null) {
            d = EvaluationData.load(queries, gallery, classes, common.split, side, cacheDir,
                    FeatureExtractor.of(backbone), System.err::println);
            byBackbone.put(backbone, d);
        }
        return d;
    }

    static long[][] codes(HashingModel m, FeatureMaps maps, boolean sketches) {
        List<long[]> out = new ArrayList<>();
        for (int from = 0; from < maps.size(); from += 64) {
            var batch = EvaluationData.batch(maps, from, Math.min(maps.size(), from + 64));
            for (long[] c : sketches ? m.encodeSketchMaps(batch) : m.encodePhotoMaps(batch)) {
                out.add(c);
            }
        }
        return out.toArray(new long[0][]);
    }

    private List<Report> runBaselines(EvaluationData data, FeatureExtractor fx, Path cacheDir,
                                      Evaluation.Options opts) throws Exception {
        boolean needsTraining = baselines.stream().anyMatch(b -> !b.equals("imagenet-cosine"));
        TrainingFeatures seen = null;
        List<String> names = data.classNames();
        float[][] testVectors = new float[names.size()][1];
        if (needsTraining) {
            if (train == null) {
                throw new IllegalArgumentException("baselines other than imagenet-cosine need --train DIR");
            }
            DatasetOptions.SplitDataset ds = common.find(train).orElseThrow(() ->
                    new IllegalArgumentException(common.missingSplit(train)));
            Path gloveFile = glove != null ? glove : train.toAbsolutePath().getParent().resolve("glove/glove.6B.100d.top40k.txt");
            GloveVectors gv = GloveVectors.load(gloveFile);
            try (DatasetFeatures f = DatasetFeatures.load(ds.dataset(), cacheDir, fx, System.err::println)) {
                seen = SeenFeatureSets.of(f, ds.split(), gv);
            }
            testVectors = gv.classVectorsByName(names).values().toArray(new float[0][]);
        }
        FeatureSet test = new FeatureSet(names, testVectors, data.queryMaps().pooledAll(), data.queryLabels(),
                data.galleryMaps().pooledAll(), data.galleryLabels());
        Baselines.Config cfg = Baselines.Config.defaults(42).withLog(System.err::println);
        List<Report> reports = new ArrayList<>();
        for (String id : baselines) {
            Baseline b = Baselines.create(id, Baselines.isBinary(id) ? bits : null, cfg);
            b.fit(seen);
            Report r = Baselines.evaluate(b, test, opts);
            reports.add(expand > 0 && r.bits() != null ? r.withModel(r.model() + " + query expansion (k = " + expand
                    + ")") : r);
        }
        return reports;
    }
}
