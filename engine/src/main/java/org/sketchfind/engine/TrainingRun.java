package org.sketchfind.engine;

import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.train.GraphReach;
import org.sketchfind.engine.train.RunOptions;
import org.sketchfind.engine.train.SeenTrainingSet;
import org.sketchfind.engine.train.Trainer;
import org.sketchfind.engine.train.TrainingData;
import org.sketchfind.engine.train.TrainingListener;
import org.sketchfind.engine.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The one place a {@link TrainingRequest} becomes a training run: data set and split, GloVe vectors, config,
 * backbone features (cached), the seen-only training set, then {@link Trainer#train} with the job's token, its
 * events passed on as {@link TrainingEvent}s. A new training option is one component of the request and one line
 * in {@link #config} or {@link #options}.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    /** The model's hyper-parameters from the request (an IllegalArgumentException for a setting out of range). */
    static ZsihConfig config(TrainingRequest r) {
        ZsihConfig.Decoder decoder = ZsihConfig.Decoder.valueOf(r.decoder());
        return ZsihConfig.defaults().withBits(r.bits()).withBatchSize(r.batch()).withT(r.t())
                .withLearningRate(r.learningRate()).withEntropyWeight(r.entropyWeight())
                .withEntropyWarmupSteps(r.entropyWarmup()).withSeed(r.seed())
                .withSwitches(ZsihConfig.Fusion.valueOf(r.fusion()), ZsihConfig.Propagation.valueOf(r.propagation()),
                        decoder, ZsihConfig.Binarization.valueOf(r.binarization()))
                .withSemanticWeight(r.semanticWeightOrDefault())
                .withAnchorWeight(r.anchorWeight());
    }

    /** How long to train and how to keep state. */
    static RunOptions options(TrainingRequest r) {
        return RunOptions.epochs(r.epochs()).withMaxSteps(r.maxSteps()).withCheckpointEvery(r.checkpointEvery())
                .withResume(r.resume());
    }

    static TrainingOutcome run(TrainingRequest r, JobListener<TrainingEvent> listener, CancellationToken token)
            throws IOException {
        if (!Files.isRegularFile(r.gloveFile())) {
            throw new IllegalArgumentException("no GloVe vectors at " + r.gloveFile());
        }
        if (r.validationClasses() < 0) {
            throw new IllegalArgumentException("validation classes must be 0 or more, not " + r.validationClasses());
        }
        FeatureWork.SplitDataset ds = FeatureWork.open(r.data(), r.split());
        ZsihConfig cfg = config(r);
        FeatureExtractor fx = FeatureWork.extractor(r.backbone());
        cfg = cfg.withFeatureShape(fx.backbone().channels(), fx.backbone().height(), fx.backbone().width());
        RunOptions opts = options(r);
        JobListener<Progress> features = new JobListener<>() {
            @Override
            public void onProgress(Progress p) {
                listener.onProgress(new TrainingEvent.Features(p));
            }

            @Override
            public void onLog(String line) {
                listener.onLog(line);
            }
        };
        try (DatasetFeatures f = FeatureWork.features(ds.dataset(), r.cache(), fx, features, token)) {
            TrainingData td = SeenTrainingSet.build(f, ds.split(), GloveVectors.load(r.gloveFile()), r.heldOut(),
                    r.validationClasses(), r.seed());
            String validationLabel = td.validationClassNames().isEmpty() ? "held-out seen items"
                    : td.validationClassNames().size() + " held-out seen classes";
            listener.onProgress(new TrainingEvent.Prepared(td.classNames().size(), td.trainSketches().length,
                    td.trainPhotos().length, td.valSketches().length, td.valPhotos().length,
                    td.validationClassNames(), validationLabel,
                    GraphReach.ofRun(cfg, td.classVectors()).map(GraphReach::describe).orElse(null)));
            TrainingResult result = new Trainer().train(td, cfg, opts, r.out(), events(listener, token), token);
            return new TrainingOutcome(TrainingOutcome.Status.valueOf(result.status().name()), result.steps(),
                    result.lastLosses(), result.validationMaps(), result.modelFile(), result.seconds());
        }
    }

    /**
     * The trainer's events as the facade's, and the job's pause: the trainer calls back on its own thread after
     * every step, so a paused job waits right there, between two steps, and a cancel while paused lets it go on to
     * its cancellation check (checkpoint, then CANCELLED).
     */
    private static TrainingListener events(JobListener<TrainingEvent> listener, CancellationToken token) {
        return new TrainingListener() {
            @Override
            public void onStart(Start e) {
                listener.onProgress(new TrainingEvent.Started(e.firstStep(), e.totalSteps(), e.stepsPerEpoch(),
                        e.parameters(), e.resumed(), e.initialValidationMap()));
            }

            @Override
            public void onStep(Step e) {
                listener.onProgress(new TrainingEvent.Step(e.step(), e.epoch(), e.totalSteps(), e.losses(),
                        e.learningRate(), e.pairsPerSecond(), e.etaSeconds()));
                try {
                    token.checkpoint();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    token.cancel();
                }
            }

            @Override
            public void onEpoch(Epoch e) {
                listener.onProgress(new TrainingEvent.Epoch(e.epoch(), e.step(), e.meanTotalLoss(), e.validationMap(),
                        e.seconds()));
            }

            @Override
            public void onCheckpoint(long step, java.nio.file.Path file) {
                listener.onProgress(new TrainingEvent.Checkpoint(step, file));
            }
        };
    }
}
