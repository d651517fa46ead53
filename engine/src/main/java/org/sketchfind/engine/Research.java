package org.sketchfind.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.code.QueryExpansion;
import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.eval.BarnesHutTsne;
import org.sketchfind.engine.eval.ClassLabels;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.EvaluationData;
import org.sketchfind.engine.eval.Ranking;
import org.sketchfind.engine.eval.Report;
import org.sketchfind.engine.eval.ReportTable;
import org.sketchfind.engine.eval.ReportWriter;
import org.sketchfind.engine.eval.RetrievalFigure;
import org.sketchfind.engine.eval.SeenFeatureSets;
import org.sketchfind.engine.eval.TsnePlotWriter;
import org.sketchfind.engine.eval.TsnePoint;
import org.sketchfind.engine.eval.baseline.Baseline;
import org.sketchfind.engine.eval.baseline.Baselines;
import org.sketchfind.engine.eval.baseline.FeatureSet;
import org.sketchfind.engine.eval.baseline.PaperTable;
import org.sketchfind.engine.eval.baseline.TrainingFeatures;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.features.FeatureMapsSubset;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.Backbones;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.train.CrossStyle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The facade's research work: evaluation of models and baselines, the paper-style table and t-SNE, each run as a
 * job that logs to its listener and stops on its token (between feature batches, models, baselines and t-SNE
 * iterations).
 */
final class Research {
    private Research() {
    }

    // ------------------------------------------------------------------------------------------------ evaluate

    static EvaluationResult evaluate(EvaluationRequest r, JobListener<Progress> listener, CancellationToken token)
            throws IOException {
        if (r.models().isEmpty() && r.baselines().isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no model and no baseline");
        }
        if (!EvaluationRequest.ONLY.contains(r.only())) {
            throw new IllegalArgumentException("only must be one of " + EvaluationRequest.ONLY + ", not " + r.only());
        }
        EvaluationData.Only side = EvaluationData.Only.valueOf(r.only().toUpperCase(Locale.ROOT));
        List<HashingModel> loaded = new ArrayList<>();
        for (Path file : r.models()) {
            loaded.add(HashingModels.load(file));
        }
        // baselines run on the given backbone, else on the first model's, so that they compare like with like
        String baselineBackbone = r.backbone() != null || loaded.isEmpty() ? FeatureWork.backboneName(r.backbone())
                : loaded.get(0).backbone().name();
        Path cacheDir = FeatureWork.cacheDir(r.cache());
        Map<String, EvaluationData> byBackbone = new HashMap<>();
        List<Report> reports = new ArrayList<>();
        for (HashingModel m : loaded) {
            EvaluationData data = data(r, m.backbone().name(), side, cacheDir, byBackbone, listener, token);
            Evaluation.Options opts = Evaluation.Options.defaults().withSplit(data.split())
                    .withPrecisionK(Math.min(100, data.gallery())).withExpand(r.expand());
            token.throwIfCancelled("evaluation before " + m.name());
            long[][] q = codes(m, data.queryMaps(), true);
            long[][] g = codes(m, data.galleryMaps(), false);
            String row = r.expand() > 0 ? m.name() + expansion(r.expand()) : m.name();
            reports.add(Evaluation.hamming(row, m.bits(), q, data.queryLabels(), g, data.galleryLabels(),
                    data.classNames(), opts));
            if (r.asymmetric() && m.hasSketchMargins()) {
                reports.add(Evaluation.asymmetric(m.name() + ASYMMETRIC, m.bits(), margins(m, data.queryMaps()),
                        data.queryLabels(), g, data.galleryLabels(), data.classNames(), opts));
            } else if (r.asymmetric()) {
                listener.onLog(m.name() + " has no real-valued sketch outputs: no asymmetric row");
            }
            if (r.realValued() && m.hasSketchMargins() && m.hasPhotoMargins()) {
                reports.add(Evaluation.realValued(m.name() + REAL_VALUED, m.bits(), margins(m, data.queryMaps()),
                        data.queryLabels(), photoMargins(m, data.galleryMaps()), data.galleryLabels(),
                        data.classNames(), opts));
            } else if (r.realValued()) {
                listener.onLog(m.name() + " has no real-valued outputs: no real-valued row");
            }
        }
        if (!r.baselines().isEmpty()) {
            EvaluationData data = data(r, baselineBackbone, side, cacheDir, byBackbone, listener, token);
            Evaluation.Options opts = Evaluation.Options.defaults().withSplit(data.split())
                    .withPrecisionK(Math.min(100, data.gallery())).withExpand(r.expand());
            reports.addAll(baselines(r, data, FeatureExtractor.of(baselineBackbone), cacheDir, opts, listener, token));
        }
        List<Path> files = ReportWriter.write(r.out(), reports);
        return result(reports, files);
    }

    /** The queries and gallery with the maps of {@code backbone}, loaded (and cached on disk) once per backbone. */
    private static EvaluationData data(EvaluationRequest r, String backbone, EvaluationData.Only side, Path cacheDir,
                                       Map<String, EvaluationData> byBackbone, JobListener<Progress> listener,
                                       CancellationToken token) throws IOException {
        EvaluationData d = byBackbone.get(backbone);
        if (d == null) {
            d = EvaluationData.load(r.queries(), r.gallery(), r.classes(), r.split(), side, cacheDir,
                    FeatureExtractor.of(backbone), listener::onLog, token);
            byBackbone.put(backbone, d);
        }
        return d;
    }

    private static List<Report> baselines(EvaluationRequest r, EvaluationData data, FeatureExtractor fx,
                                          Path cacheDir, Evaluation.Options opts, JobListener<Progress> listener,
                                          CancellationToken token) throws IOException {
        boolean needsTraining = r.baselines().stream().anyMatch(b -> !b.equals("imagenet-cosine"));
        TrainingFeatures seen = null;
        List<String> names = data.classNames();
        float[][] testVectors = new float[names.size()][1];
        if (needsTraining) {
            if (r.train() == null) {
                throw new IllegalArgumentException("baselines other than imagenet-cosine need a training data set");
            }
            FeatureWork.SplitDataset ds = FeatureWork.open(r.train(), r.split());
            GloveVectors gv = GloveVectors.load(FeatureWork.gloveFile(r.glove(), r.train()));
            try (DatasetFeatures f = FeatureWork.features(ds.dataset(), cacheDir, fx, listener, token)) {
                seen = SeenFeatureSets.of(f, ds.split(), gv);
            }
            testVectors = gv.classVectorsByName(names).values().toArray(new float[0][]);
        }
        FeatureSet test = new FeatureSet(names, testVectors, data.queryMaps().pooledAll(), data.queryLabels(),
                data.galleryMaps().pooledAll(), data.galleryLabels());
        Baselines.Config cfg = Baselines.Config.defaults(42).withLog(listener::onLog).withCancel(token);
        List<Report> reports = new ArrayList<>();
        for (String id : r.baselines()) {
            token.throwIfCancelled("evaluation before " + id);
            Baseline b = Baselines.create(id, Baselines.isBinary(id) ? r.bits() : null, cfg);
            b.fit(seen);
            Report rep = Baselines.evaluate(b, test, opts);
            reports.add(r.expand() > 0 && rep.bits() != null ? rep.withModel(rep.model() + expansion(r.expand()))
                    : rep);
        }
        return reports;
    }

    // ------------------------------------------------------------------------------------------------ paper table

    /** The unseen classes' maps of one backbone and the seen classes' features. */
    private record Unseen(FeatureMaps queries, int[] queryLabels, FeatureMaps gallery, int[] galleryLabels,
                          FeatureSet train, FeatureSet test) {
    }

    /** A row of the table at one code length. */
    private record Row(String name, int bits) {
    }

    static EvaluationResult paperTable(PaperTableRequest r, JobListener<Progress> listener, CancellationToken token)
            throws IOException {
        FeatureWork.SplitDataset ds = FeatureWork.open(r.data(), r.split());
        ZeroShotSplit zs = ds.split();
        GloveVectors gv = GloveVectors.load(FeatureWork.gloveFile(r.glove(), r.data()));
        Path cacheDir = FeatureWork.cacheDir(r.cache());
        Map<Row, HashingModel> rows = new LinkedHashMap<>();
        for (String value : r.models()) {
            ModelArgument arg = ModelArgument.parse(value);
            HashingModel m = HashingModels.load(arg.file());
            Row row = new Row(arg.rowName(m.method()), m.bits());
            if (rows.putIfAbsent(row, m) != null) {
                throw new IllegalArgumentException("two models would share the row '" + row.name() + "' at "
                        + row.bits() + " bits; name one with --model LABEL=" + arg.file());
            }
        }
        List<String> forBaselines = new ArrayList<>();
        for (String b : r.baselineBackbones()) {
            forBaselines.add(Backbones.checkName(b));
        }
        if (forBaselines.isEmpty()) {
            rows.values().stream().map(m -> m.backbone().name()).distinct().forEach(forBaselines::add);
        }
        if (forBaselines.isEmpty()) {
            forBaselines.add(Backbones.DEFAULT);
        }
        List<String> names = zs.unseen().forEvaluation().names();
        ClassLabels labels = new ClassLabels();
        names.forEach(labels::labelOf);
        Evaluation.Options opts = Evaluation.Options.defaults().withSplit(zs.column() + ":unseen");
        Map<String, Unseen> byBackbone = new LinkedHashMap<>();
        List<Report> reports = new ArrayList<>();
        for (Map.Entry<Row, HashingModel> e : rows.entrySet()) {
            HashingModel m = e.getValue();
            Unseen u = unseen(m.backbone().name(), ds, gv, labels, cacheDir, byBackbone, listener, token);
            token.throwIfCancelled("paper table before " + m.name());
            opts = opts.withPrecisionK(Math.min(100, u.galleryLabels().length));
            long[][] q = codes(m, u.queries(), true);
            long[][] g = codes(m, u.gallery(), false);
            reports.add(Evaluation.hamming(e.getKey().name(), m.bits(), q, u.queryLabels(), g, u.galleryLabels(),
                    labels.names(), opts));
            if (r.expand() > 0) {
                reports.add(Evaluation.hamming(e.getKey().name() + expansion(r.expand()), m.bits(), q,
                        u.queryLabels(), g, u.galleryLabels(), labels.names(), opts.withExpand(r.expand())));
            }
            if (r.asymmetric() && m.hasSketchMargins()) {
                reports.add(Evaluation.asymmetric(e.getKey().name() + ASYMMETRIC, m.bits(), margins(m, u.queries()),
                        u.queryLabels(), g, u.galleryLabels(), labels.names(), opts));
            }
            if (r.realValued() && m.hasSketchMargins() && m.hasPhotoMargins()) {
                reports.add(Evaluation.realValued(e.getKey().name() + REAL_VALUED, m.bits(), margins(m, u.queries()),
                        u.queryLabels(), photoMargins(m, u.gallery()), u.galleryLabels(), labels.names(), opts));
            }
            listener.onLog("evaluated " + m.name());
        }
        for (String b : forBaselines) {
            Unseen u = unseen(b, ds, gv, labels, cacheDir, byBackbone, listener, token);
            Baselines.Config cfg = Baselines.Config.defaults(42).withLog(listener::onLog).withCancel(token);
            List<Report> baseline = Baselines.runAll(u.train(), u.test(), r.bits(), cfg);
            String suffix = forBaselines.size() > 1 ? " [" + FeatureExtractor.of(b).backbone().displayName() + "]" : "";
            baseline.forEach(rep -> reports.add(suffix.isEmpty() ? rep : rep.withModel(rep.model() + suffix)));
            if (r.expand() > 0) {
                for (Report rep : Baselines.runAll(u.train(), u.test(), r.bits(),
                        cfg.withOptions(cfg.options().withExpand(r.expand())))) {
                    if (rep.bits() != null) {
                        reports.add(rep.withModel(rep.model() + suffix + expansion(r.expand())));
                    }
                }
            }
        }
        PaperTable.Header header = new PaperTable.Header(
                "Zero-shot sketch-based image retrieval, " + r.data().getFileName(), r.data().toString(),
                zs.column() + " (" + names.size() + " unseen classes)");
        List<Path> files = new ArrayList<>();
        files.add(PaperTable.write(r.out(), header, reports, r.bits()));
        if (r.reportDir() != null) {
            files.addAll(ReportWriter.write(r.reportDir(), reports));
        }
        return result(reports, files);
    }

    /** The unseen classes' maps of one backbone (computed or read from the cache once per backbone). */
    private static Unseen unseen(String backbone, FeatureWork.SplitDataset ds, GloveVectors gv, ClassLabels labels,
                                 Path cacheDir, Map<String, Unseen> byBackbone, JobListener<Progress> listener,
                                 CancellationToken token) throws IOException {
        Unseen cached = byBackbone.get(backbone);
        if (cached != null) {
            return cached;
        }
        ZeroShotSplit zs = ds.split();
        DatasetFeatures f = FeatureWork.features(ds.dataset(), cacheDir, FeatureExtractor.of(backbone), listener,
                token);
        List<LabeledImage> qs = zs.unseen().forEvaluation().select(f.sketches()).items();
        List<LabeledImage> gs = zs.unseen().forEvaluation().select(f.photos()).items();
        int[] ql = labels.labelsOf(qs.stream().map(LabeledImage::className).toList());
        int[] gl = labels.labelsOf(gs.stream().map(LabeledImage::className).toList());
        FeatureMaps qm = new FeatureMapsSubset(f.sketchMaps(), rows(f.sketches(), qs));
        FeatureMaps gm = new FeatureMapsSubset(f.photoMaps(), rows(f.photos(), gs));
        listener.onLog(String.format("unseen classes of %s (%s): %d sketch queries, %d gallery photos, %d classes",
                zs.column(), backbone, ql.length, gl.length, labels.names().size()));
        List<String> names = labels.names();
        float[][] testVectors = names.stream().map(n -> gv.classVectorsByName(List.of(n)).get(n))
                .toArray(float[][]::new);
        FeatureSet test = new FeatureSet(names, testVectors, qm.pooledAll(), ql, gm.pooledAll(), gl);
        FeatureSet train = SeenFeatureSets.of(f, zs, gv).features();
        Unseen u = new Unseen(qm, ql, gm, gl, train, test);
        byBackbone.put(backbone, u);
        return u;
    }

    // ------------------------------------------------------------------------------------------------ cross-style

    static CrossStyleResult crossStyle(CrossStyleRequest r, JobListener<Progress> listener, CancellationToken token)
            throws IOException {
        FeatureWork.SplitDataset ds = FeatureWork.open(r.data(), r.split());
        HashingModel m = HashingModels.load(r.model() != null ? r.model() : HashingModels.defaultModelFile());
        List<CrossStyleResult.Source> sources = new ArrayList<>();
        try (DatasetFeatures f = FeatureWork.features(ds.dataset(), r.cache(),
                FeatureExtractor.of(m.backbone().name()), listener, token)) {
            for (CrossStyle.Result res : CrossStyle.evaluate(m, f, ds.split(),
                    GloveVectors.load(FeatureWork.gloveFile(r.glove(), r.data())), r.heldOut(), r.seed(), r.drawings(),
                    Evaluation.Options.defaults().withExpand(r.expand()), r.asymmetric(), r.realValued(),
                    listener::onLog, token)) {
                Map<String, Object> json = new LinkedHashMap<>(res.report().toJson());
                json.put("source", res.source());
                json.put("left_out", res.leftOut());
                sources.add(new CrossStyleResult.Source(res.source(), res.leftOut(), score(res.report()), json));
            }
        }
        return new CrossStyleResult(m.name(), sources);
    }

    // ------------------------------------------------------------------------------------------ retrieval figure

    static RetrievalFigureResult retrievalFigure(RetrievalFigureRequest r, JobListener<Progress> listener,
                                                 CancellationToken token) throws IOException {
        FeatureWork.SplitDataset ds = FeatureWork.open(r.data(), r.split());
        ZeroShotSplit zs = ds.split();
        List<String> unseen = new ArrayList<>(zs.unseen().forEvaluation().names());
        unseen.sort(Comparator.naturalOrder());
        List<String> chosen = new ArrayList<>();
        if (r.classes().isEmpty()) {
            for (int i = 0; i < 6 && i < unseen.size(); i++) {
                chosen.add(unseen.get(i * unseen.size() / Math.min(6, unseen.size())));
            }
        } else {
            for (String c : r.classes()) {
                String canonical = zs.canonical(c);
                if (canonical == null || !unseen.contains(canonical)) {
                    throw new IllegalArgumentException("'" + c + "' is not an unseen class of " + zs.column());
                }
                chosen.add(canonical);
            }
        }
        HashingModel m = HashingModels.load(r.model() != null ? r.model() : HashingModels.defaultModelFile());
        try (DatasetFeatures f = FeatureWork.features(ds.dataset(), r.cache(),
                FeatureExtractor.of(m.backbone().name()), listener, token)) {
            List<LabeledImage> gallery = zs.unseen().forEvaluation().select(f.photos()).items();
            FeatureMapsSubset galleryMaps = new FeatureMapsSubset(f.photoMaps(), rows(f.photos(), gallery));
            long[][] codes = codes(m, galleryMaps, false);
            boolean real = !r.hamming() && r.expand() == 0 && m.hasSketchMargins() && m.hasPhotoMargins();
            float[][] outputs = real ? photoMargins(m, galleryMaps) : null;
            List<LabeledImage> sketches = zs.unseen().forEvaluation().select(f.sketches()).items();
            List<RetrievalFigure.Row> figureRows = new ArrayList<>();
            for (String c : chosen) {
                token.throwIfCancelled("retrieval figure before " + c);
                LabeledImage query = sketches.stream().filter(s -> zs.canonical(s.className()).equals(c))
                        .min(Comparator.comparing(s -> s.path().getFileName().toString())).orElseThrow();
                FeatureMapsSubset queryMaps = new FeatureMapsSubset(f.sketchMaps(), rows(f.sketches(), List.of(query)));
                long[] q = real ? null : codes(m, queryMaps, true)[0];      // the real-valued ranking reads no code
                org.sketchfind.engine.code.CosineScore cos = real
                        ? new org.sketchfind.engine.code.CosineScore(margins(m, queryMaps)[0]) : null;
                double[] scores = real ? cos.scores(outputs) : null;
                Ranking ranking = real ? Ranking.byScore(scores) : Ranking.byHamming(q, codes, m.bits());
                if (r.expand() > 0) {
                    List<long[]> nb = new ArrayList<>();
                    for (int k = 0; k < Math.min(r.expand(), codes.length); k++) {
                        nb.add(codes[ranking.order()[k]]);
                    }
                    q = QueryExpansion.expand(q, nb, m.bits());
                    ranking = Ranking.byHamming(q, codes, m.bits());
                }
                List<RetrievalFigure.Hit> hits = new ArrayList<>();
                for (int k = 0; k < Math.min(r.top(), codes.length); k++) {
                    int g = ranking.order()[k];
                    hits.add(new RetrievalFigure.Hit(gallery.get(g).path(), zs.canonical(gallery.get(g).className()),
                            real ? cos.distance(scores[g]) : Codes.hamming(q, codes[g])));
                }
                figureRows.add(new RetrievalFigure.Row(query.path(), c, hits));
            }
            String title = m.name() + (r.expand() > 0 ? expansion(r.expand()) : real ? REAL_VALUED : "") + " — unseen "
                    + zs.column()
                    + ", gallery " + gallery.size() + " photos";
            RetrievalFigure.write(r.out(), title, figureRows);
            List<Long> right = new ArrayList<>();
            for (RetrievalFigure.Row row : figureRows) {
                right.add(row.hits().stream().filter(h -> h.className().equals(row.className())).count());
            }
            return new RetrievalFigureResult(r.out(), m.name(), chosen, right);
        }
    }

    // ------------------------------------------------------------------------------------------------ t-SNE

    private record Item(LabeledImage image, TsnePoint.Modality modality, TsnePoint.Split side) {
    }

    static TsneResult tsne(TsneRequest r, JobListener<Progress> listener, CancellationToken token)
            throws IOException {
        FeatureWork.SplitDataset ds = FeatureWork.open(r.data(), r.split());
        ZeroShotSplit zs = ds.split();
        HashingModel m = HashingModels.load(r.model() != null ? r.model() : HashingModels.defaultModelFile());
        FeatureExtractor fx = FeatureExtractor.of(m.backbone().name());
        long t0 = System.nanoTime();
        try (DatasetFeatures f = FeatureWork.features(ds.dataset(), r.cache(), fx, listener, token)) {
            List<Item> unseen = new ArrayList<>();
            List<Item> seen = new ArrayList<>();
            for (LabeledImage s : zs.unseen().forEvaluation().select(f.sketches()).items()) {
                unseen.add(new Item(s, TsnePoint.Modality.SKETCH, TsnePoint.Split.UNSEEN));
            }
            for (LabeledImage p : zs.unseen().forEvaluation().select(f.photos()).items()) {
                unseen.add(new Item(p, TsnePoint.Modality.PHOTO, TsnePoint.Split.UNSEEN));
            }
            for (LabeledImage s : zs.seen().select(f.sketches()).items()) {
                seen.add(new Item(s, TsnePoint.Modality.SKETCH, TsnePoint.Split.SEEN));
            }
            for (LabeledImage p : zs.seen().select(f.photos()).items()) {
                seen.add(new Item(p, TsnePoint.Modality.PHOTO, TsnePoint.Split.SEEN));
            }
            Random rnd = new Random(r.seed());
            Collections.shuffle(unseen, rnd);
            Collections.shuffle(seen, rnd);
            List<Item> chosen = new ArrayList<>(unseen.subList(0, Math.min(unseen.size(), r.points() / 2)));
            chosen.addAll(seen.subList(0, Math.min(seen.size(), r.points() - chosen.size())));

            long[][] codes = codes(m, f, chosen);
            // t-SNE needs 3·perplexity ≤ N − 1: small sets get a smaller perplexity
            double usable = Math.min(r.perplexity(), (chosen.size() - 1) / 3.0);
            if (usable < r.perplexity()) {
                listener.onLog(String.format(Locale.ROOT, "perplexity %.1f instead of %.1f for %d points",
                        usable, r.perplexity(), chosen.size()));
            }
            if (usable < 1) {
                throw new IllegalArgumentException("too few points (" + chosen.size() + ") for t-SNE");
            }
            long start = System.nanoTime();
            BarnesHutTsne.Result res = BarnesHutTsne.embed(BarnesHutTsne.fromCodes(codes, m.bits()),
                    BarnesHutTsne.Config.defaults().withSeed(r.seed()).withPerplexity(usable),
                    (it, total, kl) -> listener.onProgress(new Progress("t-SNE", it, total,
                            it / Math.max(1e-9, (System.nanoTime() - start) / 1e9))), token);
            List<TsnePoint> pts = TsnePoint.of(res.embedding(),
                    chosen.stream().map(i -> i.image().className()).toList(),
                    chosen.stream().map(Item::side).toList(), chosen.stream().map(Item::modality).toList(),
                    chosen.stream().map(i -> i.image().path().toString()).toList());
            List<Path> files = TsnePlotWriter.write(r.out(), r.name(), pts,
                    "t-SNE of " + m.name() + " codes: " + r.data().getFileName() + ", " + r.split());
            long unseenPoints = chosen.stream().filter(i -> i.side() == TsnePoint.Split.UNSEEN).count();
            Double kl = res.kl().length == 0 ? null : res.kl()[res.kl().length - 1];
            List<TsneResult.Item> items = new ArrayList<>(pts.size());
            for (int i = 0; i < pts.size(); i++) {
                TsnePoint p = pts.get(i);
                items.add(new TsneResult.Item(p.x(), p.y(), p.className(), p.split() == TsnePoint.Split.UNSEEN,
                        p.modality() == TsnePoint.Modality.SKETCH, chosen.get(i).image().path(), codes[i],
                        m.bits()));
            }
            return new TsneResult(pts.size(), unseenPoints, m.name(), kl, files, (System.nanoTime() - t0) / 1e9,
                    items);
        }
    }

    private static long[][] codes(HashingModel m, DatasetFeatures f, List<Item> items) {
        Map<LabeledImage, Integer> photoRow = rowsOf(f.photos());
        Map<LabeledImage, Integer> sketchRow = rowsOf(f.sketches());
        long[][] out = new long[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            boolean sketch = it.modality() == TsnePoint.Modality.SKETCH;
            FeatureMaps maps = sketch ? f.sketchMaps() : f.photoMaps();
            int row = (sketch ? sketchRow : photoRow).get(it.image());
            INDArray one = EvaluationData.batch(maps, row, row + 1);
            out[i] = (sketch ? m.encodeSketchMaps(one) : m.encodePhotoMaps(one))[0];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** How a row measured with query expansion is named. */
    private static String expansion(int k) {
        return " + query expansion (k = " + k + ")";
    }

    /** A model's codes of every row of {@code maps}, in batches of 64. */
    /** The row suffix of asymmetric ranking. */
    static final String ASYMMETRIC = " + asymmetric ranking";

    /** The row suffix of real-valued ranking. */
    static final String REAL_VALUED = " + real-valued ranking";

    private static float[][] margins(HashingModel m, FeatureMaps maps) {
        return inBatches(maps, m::sketchMarginsFromMaps).toArray(new float[0][]);
    }

    private static float[][] photoMargins(HashingModel m, FeatureMaps maps) {
        return inBatches(maps, m::photoMarginsFromMaps).toArray(new float[0][]);
    }

    private static long[][] codes(HashingModel m, FeatureMaps maps, boolean sketches) {
        return inBatches(maps, sketches ? m::encodeSketchMaps : m::encodePhotoMaps).toArray(new long[0][]);
    }

    /** {@code perBatch} over the maps in batches of 64, its rows in order. */
    private static <T> List<T> inBatches(FeatureMaps maps, java.util.function.Function<INDArray, T[]> perBatch) {
        List<T> out = new ArrayList<>();
        for (int from = 0; from < maps.size(); from += 64) {
            out.addAll(List.of(perBatch.apply(EvaluationData.batch(maps, from, Math.min(maps.size(), from + 64)))));
        }
        return out;
    }

    private static Map<LabeledImage, Integer> rowsOf(List<LabeledImage> all) {
        Map<LabeledImage, Integer> m = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            m.put(all.get(i), i);
        }
        return m;
    }

    private static int[] rows(List<LabeledImage> all, List<LabeledImage> chosen) {
        Map<LabeledImage, Integer> row = rowsOf(all);
        return chosen.stream().mapToInt(row::get).toArray();
    }

    private static EvaluationResult result(List<Report> reports, List<Path> files) {
        return new EvaluationResult(reports.stream().map(Research::score).toList(), ReportTable.format(reports),
                ReportWriter.toJson(reports), files);
    }

    private static EvaluationResult.Score score(Report rep) {
        return new EvaluationResult.Score(rep.model(), rep.bits(), rep.dims(), rep.queries(), rep.gallery(),
                rep.mapAll(), rep.mapAllTieAware(), rep.precisionK(), rep.precisionAtK(), rep.msPerQuery(),
                rep.split(), rep.prRecall(), rep.prPrecision(), rep.perClass().stream()
                .map(c -> new EvaluationResult.ClassAp(c.className(), c.queries(), c.ap(), c.apTieAware())).toList());
    }
}
