package org.sketchfind.engine.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.ModelFile;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.model.ZsihEncoders;
import org.sketchfind.engine.model.ZsihGraph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on the real src-test-data subset (with stand-in feature maps, see {@link SketchyTestFeatures}). */
class TrainerTest {
    static TrainingData data;
    static final ZsihConfig CFG = ZsihConfig.defaults()
            .withBits(16).withBatchSize(4).withLearningRate(3e-3).withSeed(11)
            .withFeatureShape(SketchyTestFeatures.CHANNELS, SketchyTestFeatures.SIZE, SketchyTestFeatures.SIZE)
            .withWidths(8, 16, 8, 32).withEntropyWeight(0.2).withEntropyWarmupSteps(6);

    @BeforeAll
    static void load() throws Exception {
        data = SketchyTestFeatures.load(1);
        assertEquals(8, data.classNames().size(), "the 8 seen classes of the test subset");
        assertFalse(data.classNames().contains("airplane") || data.classNames().contains("cup"),
                "unseen classes never reach training");
    }

    /** Records every event. */
    static class Recorder implements TrainingListener {
        final List<Step> steps = new ArrayList<>();
        /** When each step event arrived (System.nanoTime()). */
        final List<Long> stepNanos = new ArrayList<>();
        final List<Epoch> epochs = new ArrayList<>();
        final List<Long> checkpoints = new ArrayList<>();
        Start start;
        CancellationToken cancelAt;
        long cancelStep;

        @Override
        public void onStart(Start e) {
            start = e;
        }

        @Override
        public void onStep(Step e) {
            steps.add(e);
            stepNanos.add(System.nanoTime());
            if (cancelAt != null && e.step() == cancelStep) {
                cancelAt.cancel();
            }
        }

        @Override
        public void onEpoch(Epoch e) {
            epochs.add(e);
        }

        @Override
        public void onCheckpoint(long step, Path file) {
            checkpoints.add(step);
        }
    }

    @Test
    void lossGoesDownOnAFixedBatchWithEveryTermFinite() {
        ZsihGraph graph = ZsihGraph.build(CFG, data.classNames().size(), DataType.FLOAT);
        AdamStep adam = new AdamStep(graph, 3e-3);
        PairSampler sampler = new PairSampler(items(data.trainSketches(), data.sketchClasses()),
                items(data.trainPhotos(), data.photoClasses()), 8, 16, 3);
        Map<String, INDArray> feeds = Trainer.feeds(sampler.epoch(0).get(0), data, graph, 0, null);
        List<Double> totals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Double> losses = adam.run(feeds, i);
            assertEquals(graph.lossTerms(), new ArrayList<>(losses.keySet()));
            final int step = i;
            losses.forEach((k, v) -> assertTrue(Double.isFinite(v), k + " not finite at step " + step + ": " + v));
            double sum = 0;
            for (String k : graph.lossTerms().subList(0, graph.lossTerms().size() - 1)) {
                sum += losses.get(k) * (k.equals("loss_log_q") ? CFG.entropyWeightAt(0) : 1.0);
            }
            assertEquals(losses.get(ZsihGraph.TOTAL), sum, 1e-3 * Math.abs(sum) + 1e-4, "total is the sum");
            totals.add(losses.get(ZsihGraph.TOTAL));
        }
        double first = totals.get(0);
        double lastAvg = totals.subList(35, 40).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(lastAvg < first - 0.1 * Math.abs(first), "loss fell from " + first + " to " + lastAvg
                + ": " + totals);
    }

    @Test
    void trainsWritesRunFolderAndAModelWhoseCodesDiffer(@TempDir Path run) throws Exception {
        Recorder rec = new Recorder();
        long t0 = System.nanoTime();
        TrainingResult r = new Trainer().train(data, CFG, RunOptions.epochs(3).withCheckpointEvery(2), run, rec,
                CancellationToken.none());
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        int perEpoch = rec.start.stepsPerEpoch();
        assertEquals(3L * perEpoch, r.steps());
        assertEquals(r.steps(), rec.steps.size());
        assertEquals(3, rec.epochs.size());
        double slowest = 0; // the longest wait between two step events so far: no step took longer
        for (int k = 0; k < rec.steps.size(); k++) {
            TrainingListener.Step s = rec.steps.get(k);
            s.losses().forEach((key, v) -> assertTrue(Double.isFinite(v), key + "=" + v));
            assertEquals(CFG.learningRate(), s.learningRate());
            slowest = Math.max(slowest, (rec.stepNanos.get(k) - (k == 0 ? t0 : rec.stepNanos.get(k - 1))) / 1e9);
            long remaining = s.totalSteps() - s.step();
            if (remaining == 0) {
                assertEquals(0.0, s.etaSeconds(), "nothing left after the last step");
                continue;
            }
            double perStep = s.etaSeconds() / remaining; // the ETA is the steps left at the running step time
            assertTrue(perStep > 0 && perStep <= slowest, "step time " + perStep + " s within 0.." + slowest
                    + " s at step " + s.step());
            assertEquals(CFG.batchSize(), s.pairsPerSecond() * perStep, 1e-6 * CFG.batchSize(),
                    "pairs per second and ETA come from the same step time: a batch of pairs per step");
        }
        for (TrainingListener.Epoch e : rec.epochs) {
            assertTrue(e.validationMap() > 0 && e.validationMap() <= 1, "validation mAP " + e.validationMap());
        }
        assertTrue(Files.exists(run.resolve("config.json")));
        List<String> csv = Files.readAllLines(run.resolve("losses.csv"), StandardCharsets.UTF_8);
        assertEquals("step,epoch,loss_decoder,loss_log_q,loss_image_code,loss_sketch_code,loss_total,"
                + "learning_rate,pairs_per_second", csv.get(0));
        assertEquals(r.steps() + 1, csv.size());
        assertFalse(new Checkpoints(run).list().isEmpty());

        ZsihEncoders enc = ZsihEncoders.load(r.modelFile());
        assertEquals(16, enc.bits());
        assertEquals(data.classNames(), enc.manifest().classNames());
        assertTrue(ModelFile.read(r.modelFile()).modelCard().contains("validation_map_seen"));
        double fromFile = Trainer.validationMap(enc, ModelFile.read(r.modelFile()).weights(), data);
        assertEquals(rec.epochs.get(2).validationMap(), fromFile, 1e-12,
                "the last epoch's validation mAP is that of the saved encoders");
        INDArray maps = batch(data.photoMaps(), data.photoMaps().size());
        long[][] codes = enc.imageCodes(maps);
        Set<String> distinct = new HashSet<>();
        for (long[] c : codes) {
            distinct.add(java.util.Arrays.toString(c));
        }
        assertTrue(distinct.size() > 1, "photo codes are not all equal");
        long[][] sk = enc.sketchCodes(batch(data.sketchMaps(), data.sketchMaps().size()));
        Set<String> distinctSk = new HashSet<>();
        for (long[] c : sk) {
            distinctSk.add(java.util.Arrays.toString(c));
        }
        assertTrue(distinctSk.size() > 1, "sketch codes are not all equal");
    }

    @Test
    void sameSeedSameLossesAndResumeContinuesTheSameSequence(@TempDir Path tmp) throws Exception {
        RunOptions opts = RunOptions.epochs(2).withCheckpointEvery(3).withValidate(false);
        Recorder a = new Recorder();
        new Trainer().train(data, CFG, opts, tmp.resolve("a"), a, CancellationToken.none());
        Recorder b = new Recorder();
        new Trainer().train(data, CFG, opts, tmp.resolve("b"), b, CancellationToken.none());
        assertEquals(totals(a), totals(b), "same seed, same loss sequence");

        // Cancel after step 4 (checkpoint written on cancel), then resume in a fresh trainer.
        Recorder c1 = new Recorder();
        c1.cancelAt = new CancellationToken();
        c1.cancelStep = 4;
        TrainingResult cancelled = new Trainer().train(data, CFG, opts, tmp.resolve("c"), c1, c1.cancelAt);
        assertEquals(TrainingResult.Status.CANCELLED, cancelled.status());
        assertEquals(4, cancelled.steps());
        Recorder c2 = new Recorder();
        TrainingResult done = new Trainer().train(data, CFG, opts.withResume(true), tmp.resolve("c"), c2,
                CancellationToken.none());
        assertTrue(c2.start.resumed());
        assertEquals(4, c2.start.firstStep());
        List<Double> joined = new ArrayList<>(totals(c1));
        joined.addAll(totals(c2));
        assertEquals(totals(a), joined, "resumed run continues the uninterrupted sequence");
        assertEquals(a.steps.size(), done.steps());
        List<String> csv = Files.readAllLines(tmp.resolve("c").resolve("losses.csv"));
        assertEquals(done.steps() + 1, csv.size(), "every step logged exactly once across the resume");

        Recorder other = new Recorder();
        new Trainer().train(data, CFG.withSeed(12), opts, tmp.resolve("d"), other, CancellationToken.none());
        assertFalse(totals(a).equals(totals(other)), "another seed, another sequence");
    }

    @Test
    void resumesAfterACrashFromTheLastReadableCheckpoint(@TempDir Path tmp) throws Exception {
        RunOptions opts = RunOptions.epochs(2).withCheckpointEvery(2).withValidate(false);
        Recorder a = new Recorder();
        new Trainer().train(data, CFG, opts, tmp.resolve("a"), a, CancellationToken.none());

        Path run = tmp.resolve("crash");
        Recorder crashing = new Recorder() {
            @Override
            public void onStep(Step e) {
                super.onStep(e);
                if (e.step() == 5) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThrows(IllegalStateException.class,
                () -> new Trainer().train(data, CFG, opts, run, crashing, CancellationToken.none()));
        List<Path> ckpts = new Checkpoints(run).list();
        assertEquals(List.of(2L, 4L), ckpts.stream().map(Checkpoints::stepOf).toList());
        // The newest checkpoint is damaged (say, a disk error): resume falls back to step 2.
        Path newest = ckpts.get(1);
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThrows(IllegalStateException.class, () -> new Trainer().train(data, CFG, opts, run,
                TrainingListener.none(), CancellationToken.none()), "a fresh run refuses a folder with checkpoints");
        assertThrows(IllegalStateException.class, () -> new Trainer().train(data, CFG.withBits(8),
                opts.withResume(true), run, TrainingListener.none(), CancellationToken.none()),
                "a run folder refuses another config");

        Recorder resumed = new Recorder();
        TrainingResult r = new Trainer().train(data, CFG, opts.withResume(true), run, resumed,
                CancellationToken.none());
        assertEquals(2, resumed.start.firstStep());
        assertEquals(totals(a).subList(2, totals(a).size()), totals(resumed));
        List<String> csv = Files.readAllLines(run.resolve("losses.csv"));
        assertEquals(r.steps() + 1, csv.size(), "rows written after the checkpoint before the crash are dropped");
        for (int i = 1; i < csv.size(); i++) {
            assertTrue(csv.get(i).startsWith(i + ","), csv.get(i));
        }
    }

    static List<Double> totals(Recorder r) {
        List<Double> out = new ArrayList<>();
        for (TrainingListener.Step s : r.steps) {
            out.add(s.losses().get(ZsihGraph.TOTAL));
        }
        return out;
    }

    static List<PairSampler.Item> items(int[] idx, int[] classes) {
        List<PairSampler.Item> out = new ArrayList<>();
        for (int i : idx) {
            out.add(new PairSampler.Item(classes[i], i));
        }
        return out;
    }

    static INDArray batch(FeatureMaps maps, int n) {
        float[] buf = new float[n * maps.mapLength()];
        for (int i = 0; i < n; i++) {
            maps.copyTo(i, buf, i * maps.mapLength());
        }
        return Nd4j.create(buf, new long[]{n, maps.channels(), maps.height(), maps.width()}, 'c');
    }
}
