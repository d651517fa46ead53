package org.sketchfind.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.GaussianDecoder;
import org.sketchfind.engine.model.ModelFile;
import org.sketchfind.engine.model.ModelManifest;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.model.ZsihEncoders;
import org.sketchfind.engine.model.ZsihGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains the ZSIH model (paper Alg. 1) on cached backbone feature maps: category-coherent mini-batches
 * ({@link PairSampler}), the loss of Eq. 7 with ε of Eq. 4 drawn per step, Adam, per-epoch validation mAP on held-out
 * seen-class items, checkpoints, resume, cancel.
 *
 * <p>Run folder: {@code config.json} (config, options, data summary), {@code losses.csv} (every loss term per step),
 * {@code checkpoints/step-*.ckpt} (weights + Adam moments + step; RNG state derived from (seed, step)) and, at the
 * end, {@code model.zip} ({@link ModelFile}).
 *
 * <p>Repeatable: weights are initialised from (seed, variable name), batches from (seed, epoch), ε from
 * (seed, step); the same seed and data give the same loss sequence, and a resumed run continues the same sequence.
 */
public final class Trainer {
    public static final String MODEL_FILE = "model.zip";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Trains, or continues a run if {@code options.resume()} and the folder holds a checkpoint.
     *
     * @throws IOException           on run-folder I/O failure
     * @throws IllegalStateException when resuming a folder made with another config
     */
    public TrainingResult train(TrainingData data, ZsihConfig cfg, RunOptions options, Path runDir,
                                TrainingListener listener, CancellationToken cancel) throws IOException {
        long t0 = System.nanoTime();
        checkShapes(data, cfg);
        Files.createDirectories(runDir);
        ZsihGraph graph = ZsihGraph.build(cfg, data.classNames().size(), DataType.FLOAT);
        AdamStep adam = new AdamStep(graph, cfg.learningRate());
        Map<String, INDArray> params = adam.params();
        Map<String, INDArray> adamM = adam.adamM();
        Map<String, INDArray> adamV = adam.adamV();
        List<String> paramNames = graph.parameterNames();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String n : paramNames) {
            shapes.put(n, params.get(n).shape());
        }

        Path configFile = runDir.resolve("config.json");
        Checkpoints checkpoints = new Checkpoints(runDir);
        long step = 0;
        double priorSeconds = 0;
        boolean resumed = false;
        if (!options.resume() && !checkpoints.list().isEmpty()) {
            throw new IllegalStateException(runDir + " already holds checkpoints of a run: resume it or use a new"
                    + " run folder");
        }
        if (options.resume()) {
            if (Files.exists(configFile)) {
                ZsihConfig stored = JSON.readValue(JSON.readTree(configFile.toFile()).get("config").toString(),
                        ZsihConfig.class);
                if (!stored.equals(cfg)) {
                    throw new IllegalStateException(runDir + " was trained with another config ("
                            + stored.summary() + "), not this one (" + cfg.summary()
                            + "); use a new run folder or the same settings");
                }
            }
            StringBuilder problems = new StringBuilder();
            Checkpoints.State s = checkpoints.loadLatest(shapes, problems);
            if (problems.length() > 0) {
                System.err.print("skipped unreadable checkpoints:\n" + problems);
            }
            if (s != null) {
                for (String n : paramNames) {
                    params.get(n).assign(s.params().get(n));
                    adamM.get(n).assign(s.adamM().get(n));
                    adamV.get(n).assign(s.adamV().get(n));
                }
                step = s.step();
                priorSeconds = s.trainingSeconds();
                resumed = true;
            }
        }
        if (!resumed) {
            GaussianDecoder.initialiseFromData(params, data.classVectors());
        }
        AnchorTargets anchors = cfg.anchorWeight() > 0 ? AnchorTargets.fit(data, cfg, params, !resumed) : null;
        writeConfig(configFile, cfg, options, data);

        List<PairSampler.Item> sk = items(data.trainSketches(), data.sketchClasses());
        List<PairSampler.Item> ph = items(data.trainPhotos(), data.photoClasses());
        PairSampler sampler = new PairSampler(sk, ph, data.classNames().size(), cfg.batchSize(), cfg.seed());
        int perEpoch = sampler.batchesPerEpoch();
        long total = (long) options.epochs() * perEpoch;
        if (options.maxSteps() > 0) {
            total = Math.min(total, options.maxSteps());
        }
        ZsihEncoders encoders = ZsihEncoders.fromWeights(cfg, params);
        // a run that starts from the anchored codes reports what they score before any ZSIH step
        double initialMap = anchors != null && !resumed && options.validate()
                ? validationMap(encoders, params, data) : Double.NaN;
        listener.onStart(new TrainingListener.Start(step, total, perEpoch, graph.parameterCount(), resumed,
                initialMap));

        List<Double> maps = new ArrayList<>();
        Map<String, Double> last = Map.of();
        double emaStep = Double.NaN;
        double epochLossSum = 0;
        int epochLossCount = 0;
        long epochStart = System.nanoTime();
        try (LossLog log = new LossLog(runDir.resolve("losses.csv"), graph.lossTerms(), step, resumed)) {
            List<List<PairSampler.Pair>> batches = null;
            int batchEpoch = -1;
            while (step < total) {
                if (cancel.isCancelled()) {
                    Path f = checkpoints.save(state(step, cfg, priorSeconds + seconds(t0), params, adamM, adamV),
                            options.keepCheckpoints());
                    listener.onCheckpoint(step, f);
                    TrainingResult r = new TrainingResult(TrainingResult.Status.CANCELLED, step, last, maps, null,
                            seconds(t0));
                    listener.onFinish(r);
                    return r;
                }
                int epoch = (int) (step / perEpoch);
                if (epoch != batchEpoch) {
                    batches = sampler.epoch(epoch);
                    batchEpoch = epoch;
                }
                List<PairSampler.Pair> batch = batches.get((int) (step % perEpoch));
                long s0 = System.nanoTime();
                Map<String, INDArray> feeds = feeds(batch, data, graph, step, anchors);
                Map<String, Double> losses = adam.run(feeds, step);
                if (!Double.isFinite(losses.get(ZsihGraph.TOTAL))) {
                    throw new IllegalStateException("loss became " + losses + " at step " + (step + 1)
                            + "; no checkpoint written for it (lower the learning rate and resume from the last)");
                }
                last = losses;
                step++;
                double stepSec = seconds(s0);
                emaStep = Double.isNaN(emaStep) ? stepSec : 0.7 * emaStep + 0.3 * stepSec;
                double pps = batch.size() / emaStep;
                log.append(step, epoch, losses, cfg.learningRate(), pps);
                listener.onStep(new TrainingListener.Step(step, epoch, total, losses, cfg.learningRate(), pps,
                        (total - step) * emaStep));
                epochLossSum += losses.get(ZsihGraph.TOTAL);
                epochLossCount++;
                if (step % options.checkpointEvery() == 0) {
                    Path f = checkpoints.save(state(step, cfg, priorSeconds + seconds(t0), params, adamM, adamV),
                            options.keepCheckpoints());
                    listener.onCheckpoint(step, f);
                }
                if (step % perEpoch == 0 || step == total) {
                    double map = options.validate() ? validationMap(encoders, params, data) : Double.NaN;
                    maps.add(map);
                    listener.onEpoch(new TrainingListener.Epoch(epoch, step, epochLossSum / epochLossCount, map,
                            seconds(epochStart)));
                    epochLossSum = 0;
                    epochLossCount = 0;
                    epochStart = System.nanoTime();
                }
            }
        }
        double trainingSeconds = priorSeconds + seconds(t0);
        Path f = checkpoints.save(state(step, cfg, trainingSeconds, params, adamM, adamV), options.keepCheckpoints());
        listener.onCheckpoint(step, f);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double finalMap = maps.isEmpty() ? (options.validate() ? validationMap(encoders, params, data) : Double.NaN)
                : maps.get(maps.size() - 1);
        if (!Double.isNaN(finalMap)) {
            metrics.put(data.validationClassNames().isEmpty() ? "validation_map_seen"
                    : "validation_map_held_out_seen_classes", finalMap);
        }
        last.forEach((k, v) -> metrics.put("final_" + k, v));
        Path model = runDir.resolve(MODEL_FILE);
        Map<String, INDArray> enc = new LinkedHashMap<>();
        for (String n : ModelFile.expectedTensors(cfg).keySet()) {
            enc.put(n, params.get(n));
        }
        ModelManifest header = new ModelManifest(ModelFile.FORMAT, ModelFile.VERSION, cfg.bits(), cfg,
                data.classNames(), data.classVectors(), data.splitName(), Instant.now().toString(), step, metrics,
                List.of(), "", data.backbone().name(), data.backbone().weightsSha256());
        ModelFile.write(model, header, enc, ModelCard.render(header, data, graph.parameterCount(), trainingSeconds));
        TrainingResult r = new TrainingResult(TrainingResult.Status.COMPLETED, step, last, maps, model, seconds(t0));
        listener.onFinish(r);
        return r;
    }

    private static void checkShapes(TrainingData data, ZsihConfig cfg) {
        for (FeatureMaps m : List.of(data.sketchMaps(), data.photoMaps())) {
            if (m.channels() != cfg.featureChannels() || m.height() != cfg.featureHeight()
                    || m.width() != cfg.featureWidth()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "feature maps are %dx%dx%d, the config expects %dx%dx%d", m.channels(), m.height(),
                        m.width(), cfg.featureChannels(), cfg.featureHeight(), cfg.featureWidth()));
            }
        }
        if (data.semanticDim() != cfg.semanticDim()) {
            throw new IllegalArgumentException("class vectors are " + data.semanticDim() + "-d, the config expects "
                    + cfg.semanticDim());
        }
    }

    private static List<PairSampler.Item> items(int[] idx, int[] classes) {
        List<PairSampler.Item> out = new ArrayList<>();
        for (int i : idx) {
            out.add(new PairSampler.Item(classes[i], i));
        }
        return out;
    }

    /** The placeholders of one step; ε from a generator seeded by (seed, step). */
    static Map<String, INDArray> feeds(List<PairSampler.Pair> batch, TrainingData data, ZsihGraph graph, long step,
                                       AnchorTargets anchors) {
        ZsihConfig cfg = graph.config();
        int n = batch.size();
        int len = data.sketchMaps().mapLength();
        float[] sk = new float[n * len];
        float[] im = new float[n * len];
        int d = data.semanticDim();
        float[] s = new float[n * d];
        int nc = data.classNames().size();
        float[] labels = new float[n * nc];
        for (int i = 0; i < n; i++) {
            PairSampler.Pair p = batch.get(i);
            data.sketchMaps().copyTo(p.sketchIndex(), sk, i * len);
            data.photoMaps().copyTo(p.photoIndex(), im, i * len);
            System.arraycopy(data.classVectors()[p.classIndex()], 0, s, i * d, d);
            labels[i * nc + p.classIndex()] = 1f;
        }
        long[] mapShape = {n, cfg.featureChannels(), cfg.featureHeight(), cfg.featureWidth()};
        Map<String, INDArray> feeds = new LinkedHashMap<>();
        feeds.put(ZsihGraph.SKETCH_MAPS, Nd4j.create(sk, mapShape, 'c'));
        feeds.put(ZsihGraph.IMAGE_MAPS, Nd4j.create(im, mapShape, 'c'));
        SameDiff sd = graph.sameDiff();
        if (sd.hasVariable(ZsihGraph.CLASS_VECTORS)) {
            feeds.put(ZsihGraph.CLASS_VECTORS, Nd4j.create(s, new long[]{n, d}, 'c'));
        }
        if (sd.hasVariable(ZsihGraph.LABELS)) {
            feeds.put(ZsihGraph.LABELS, Nd4j.create(labels, new long[]{n, nc}, 'c'));
        }
        if (sd.hasVariable(ZsihGraph.ENTROPY_WEIGHT)) {
            feeds.put(ZsihGraph.ENTROPY_WEIGHT, Nd4j.scalar(DataType.FLOAT, cfg.entropyWeightAt(step)));
        }
        if (sd.hasVariable(ZsihGraph.ANCHOR_IMAGE)) {
            int m = cfg.bits();
            float[] f0 = new float[n * m];
            float[] g0 = new float[n * m];
            for (int i = 0; i < n; i++) {
                System.arraycopy(anchors.photo(batch.get(i).photoIndex()), 0, f0, i * m, m);
                System.arraycopy(anchors.sketch(batch.get(i).sketchIndex()), 0, g0, i * m, m);
            }
            feeds.put(ZsihGraph.ANCHOR_IMAGE, Nd4j.create(f0, new long[]{n, m}, 'c'));
            feeds.put(ZsihGraph.ANCHOR_SKETCH, Nd4j.create(g0, new long[]{n, m}, 'c'));
        }
        if (sd.hasVariable(ZsihGraph.U)) {
            SplittableRandom rnd = new SplittableRandom(cfg.seed() * 0xD1B54A32D192ED03L + step * 0x9E3779B97F4A7C15L
                    + 0x632BE59BD9B4E019L);
            float[] u = new float[cfg.mcSamples() * n * cfg.bits()];
            for (int i = 0; i < u.length; i++) {
                u[i] = (float) rnd.nextDouble();
            }
            feeds.put(ZsihGraph.U, Nd4j.create(u, new long[]{cfg.mcSamples(), n, cfg.bits()}, 'c'));
        }
        return feeds;
    }

    /** Sketch → photo mAP@all on the held-out seen-class items (NaN when none are held out). */
    static double validationMap(ZsihEncoders enc, Map<String, INDArray> params, TrainingData data) {
        if (data.valSketches().length == 0 || data.valPhotos().length == 0) {
            return Double.NaN;
        }
        enc.assign(params);
        long[][] q = encode(enc, data.sketchMaps(), data.valSketches(), true);
        long[][] g = encode(enc, data.photoMaps(), data.valPhotos(), false);
        int[] qc = Arrays.stream(data.valSketches()).map(i -> data.sketchClasses()[i]).toArray();
        int[] gc = Arrays.stream(data.valPhotos()).map(i -> data.photoClasses()[i]).toArray();
        return Evaluation.hammingMap(q, qc, g, gc, enc.bits());
    }

    private static long[][] encode(ZsihEncoders enc, FeatureMaps maps, int[] items, boolean sketch) {
        long[][] out = new long[items.length][];
        int len = maps.mapLength();
        for (int from = 0; from < items.length; from += 64) {
            int n = Math.min(64, items.length - from);
            float[] buf = new float[n * len];
            for (int i = 0; i < n; i++) {
                maps.copyTo(items[from + i], buf, i * len);
            }
            INDArray x = Nd4j.create(buf, new long[]{n, maps.channels(), maps.height(), maps.width()}, 'c');
            long[][] codes = sketch ? enc.sketchCodes(x) : enc.imageCodes(x);
            System.arraycopy(codes, 0, out, from, n);
        }
        return out;
    }

    private static Checkpoints.State state(long step, ZsihConfig cfg, double secs, Map<String, INDArray> params,
                                           Map<String, INDArray> m, Map<String, INDArray> v) {
        return new Checkpoints.State(step, cfg.seed(), secs, cfg.summary(), params, m, v);
    }

    private static void writeConfig(Path file, ZsihConfig cfg, RunOptions options, TrainingData data)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", cfg);
        json.put("options", options);
        json.put("data", Map.of("split", data.splitName(), "classes", data.classNames(),
                "validation_classes", data.validationClassNames(),
                "train_sketches", data.trainSketches().length, "train_photos", data.trainPhotos().length,
                "validation_sketches", data.valSketches().length, "validation_photos", data.valPhotos().length));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), json);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
