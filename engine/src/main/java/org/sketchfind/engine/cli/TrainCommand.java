package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.train.GraphReach;
import org.sketchfind.engine.train.RunOptions;
import org.sketchfind.engine.train.SeenTrainingSet;
import org.sketchfind.engine.train.Trainer;
import org.sketchfind.engine.train.TrainingData;
import org.sketchfind.engine.train.TrainingListener;
import org.sketchfind.engine.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code train --data DIR --split COLUMN --bits 64 --epochs N --out RUN_DIR [--resume]}: trains a ZSIH model on the
 * SEEN classes of a data set (its backbone features cached first), with a progress line on stderr, checkpoints and a
 * CSV log in RUN_DIR, and the model file {@code RUN_DIR/model.zip}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a ZSIH model on the seen classes of a data set (Sketchy layout: photo/, sketch/, classes.tsv).")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data set root (photo/, sketch/, classes.tsv)")
    Path data;

    @Option(names = "--glove", paramLabel = "FILE",
            description = "GloVe text vectors (default: <data>/../glove/glove.6B.100d.top40k.txt)")
    Path glove;

    @Option(names = "--bits", defaultValue = "64", description = "code length M: 16, 32, 64 or 128 (default 64)")
    int bits;

    @Option(names = "--epochs", defaultValue = "40", description = "epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--max-steps", defaultValue = "0", description = "stop after this many steps (0: no limit)")
    long maxSteps;

    @Option(names = "--batch", defaultValue = "64",
            description = "pairs per mini-batch (paper: 250; default ${DEFAULT-VALUE}: 4x the steps per epoch on a CPU)")
    int batch;

    @Option(names = "--t", defaultValue = "0.1", description = "graph kernel width t of Eq. 3 (paper: 0.1)")
    double t;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--entropy-weight", defaultValue = "0.2",
            description = "beta, weight of Eq. 7's code-entropy term log q (paper: 1; default ${DEFAULT-VALUE})")
    double entropyWeight;

    @Option(names = "--entropy-warmup", defaultValue = "150",
            description = "steps over which beta rises linearly from 0 (paper: none; default ${DEFAULT-VALUE})")
    int entropyWarmup;

    /** λ of the shipped recipe, chosen on the zero-shot proxy of held-out seen classes (docs/zsih-model-and-training.md). */
    static final double DEFAULT_SEMANTIC_WEIGHT = 100;

    @Option(names = "--semantic-weight", paramLabel = "LAMBDA",
            description = "weight of the encoder-side semantic term, the encoders' codes read by the decoder's mean"
                    + " (not in the paper, which is 0; default 100 with the Gaussian decoder, 0 with the classifier"
                    + " ablation, which has no decoder mean)")
    Double semanticWeight;

    /** The λ a run gets: the one given, else the shipped recipe's with the Gaussian decoder and 0 without it. */
    static double semanticWeightFor(Double given, ZsihConfig.Decoder decoder) {
        if (given != null) {
            return given;
        }
        return decoder == ZsihConfig.Decoder.GAUSSIAN ? DEFAULT_SEMANTIC_WEIGHT : 0;
    }

    @Option(names = "--anchor-weight", defaultValue = "0", paramLabel = "LAMBDA_A",
            description = "weight of the anchored codes (not in the paper, which is 0): above 0 the encoders start from"
                    + " a closed-form solution (photo codes that keep the backbone's photo neighbourhoods, sketch codes"
                    + " regressed onto their class's photo codes) and are held near it (default ${DEFAULT-VALUE})")
    double anchorWeight;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--held-out", defaultValue = "3",
            description = "sketches and photos per SEEN class held out for validation mAP (default ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--validation-classes", defaultValue = "0", paramLabel = "K",
            description = "hold out K whole seen classes for validation instead of items (a zero-shot proxy that"
                    + " never touches the unseen classes; they do not train); default 0")
    int validationClasses;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "steps between checkpoints")
    int checkpointEvery;

    @Option(names = "--fusion", defaultValue = "KRONECKER", description = "KRONECKER or CONCATENATION (ablation)")
    ZsihConfig.Fusion fusion;

    @Option(names = "--propagation", defaultValue = "GRAPH_CONVOLUTION",
            description = "GRAPH_CONVOLUTION or FULLY_CONNECTED (ablation)")
    ZsihConfig.Propagation propagation;

    @Option(names = "--decoder", defaultValue = "GAUSSIAN", description = "GAUSSIAN or CLASSIFIER (ablation)")
    ZsihConfig.Decoder decoder;

    @Option(names = "--binarization", defaultValue = "STOCHASTIC", description = "STOCHASTIC or QUANTIZATION (ablation)")
    ZsihConfig.Binarization binarization;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "run folder (config, log, checkpoints, model.zip)")
    Path out;

    @Option(names = "--resume", description = "continue from the run folder's last checkpoint")
    boolean resume;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Mixin
    BackboneOption backbone = new BackboneOption();

    @Override
    public Integer call() throws Exception {
        Path gloveFile = glove != null ? glove : data.toAbsolutePath().getParent().resolve("glove/glove.6B.100d.top40k.txt");
        if (!Files.isRegularFile(gloveFile)) {
            System.err.println("sketchfind train: no GloVe vectors at " + gloveFile + " (give --glove FILE)");
            return 2;
        }
        if (validationClasses < 0) {
            System.err.println("sketchfind train: --validation-classes must be 0 or more, not " + validationClasses);
            return 2;
        }
        DatasetOptions.SplitDataset ds = common.openOrReport("train", data);
        if (ds == null) {
            return 2;
        }
        ZsihConfig cfg;
        try {
            cfg = ZsihConfig.defaults().withBits(bits).withBatchSize(batch).withT(t).withLearningRate(lr)
                    .withEntropyWeight(entropyWeight).withEntropyWarmupSteps(entropyWarmup).withSeed(seed)
                    .withSwitches(fusion, propagation, decoder, binarization)
                    .withSemanticWeight(semanticWeightFor(semanticWeight, decoder))
                    .withAnchorWeight(anchorWeight);
        } catch (IllegalArgumentException e) {
            System.err.println("sketchfind train: " + e.getMessage());
            return 2;
        }
        FeatureExtractor fx = backbone.extractor();
        try {
            cfg = cfg.withFeatureShape(fx.backbone().channels(), fx.backbone().height(), fx.backbone().width());
        } catch (IllegalArgumentException e) {
            System.err.println("sketchfind train: " + e.getMessage());
            return 2;
        }
        RunOptions opts = RunOptions.epochs(epochs).withMaxSteps(maxSteps).withCheckpointEvery(checkpointEvery)
                .withResume(resume);
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
        try (DatasetFeatures features = DatasetFeatures.load(ds.dataset(), common.cacheDir(), fx, System.err::println)) {
            return train(features, ds, gloveFile, cfg, opts, cancel);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a setting the data cannot take, or a run folder made with other settings: say so, touch nothing
            System.err.println("sketchfind train: " + e.getMessage());
            return 2;
        }
    }

    private int train(DatasetFeatures features, DatasetOptions.SplitDataset ds, Path gloveFile, ZsihConfig cfg,
                      RunOptions opts, CancellationToken cancel) throws IOException {
        TrainingData td = SeenTrainingSet.build(features, ds.split(), GloveVectors.load(gloveFile), heldOut,
                validationClasses, seed);
        System.err.printf(Locale.ROOT, "training on %d seen classes: %d sketches, %d photos (%d + %d held out)%n",
                td.classNames().size(), td.trainSketches().length, td.trainPhotos().length,
                td.valSketches().length, td.valPhotos().length);
        GraphReach.ofRun(cfg, td.classVectors()).ifPresent(r -> System.err.println(r.describe()));
        String validationLabel = "held-out seen items";
        if (!td.validationClassNames().isEmpty()) {
            validationLabel = td.validationClassNames().size() + " held-out seen classes";
            System.err.println("validation classes (held out whole, not trained): "
                    + String.join(", ", td.validationClassNames()));
        }
        TrainingResult r = new Trainer().train(td, cfg, opts, out, new ProgressLine(validationLabel), cancel);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.put("steps", r.steps());
        o.put("model", r.modelFile() == null ? null : r.modelFile().toString());
        o.put("losses", r.lastLosses());
        o.put("validation_map", r.validationMaps());
        o.put("seconds", r.seconds());
        if (common.json) {
            JsonOutput.print(o, System.out);
        } else {
            System.out.println(r.status() + " after " + r.steps() + " steps; model: " + r.modelFile());
        }
        return r.status() == TrainingResult.Status.COMPLETED ? 0 : 3;
    }

    /** One progress line on stderr per step, one summary line per epoch. */
    static final class ProgressLine implements TrainingListener {
        private final String validationLabel;

        ProgressLine(String validationLabel) {
            this.validationLabel = validationLabel;
        }

        @Override
        public void onStart(Start e) {
            System.err.printf(Locale.ROOT, "%s at step %d of %d (%d steps/epoch, %,d parameters)%n",
                    e.resumed() ? "resuming" : "starting", e.firstStep(), e.totalSteps(), e.stepsPerEpoch(), e.parameters());
            if (!Double.isNaN(e.initialValidationMap())) {
                System.err.printf(Locale.ROOT, "validation mAP (%s) of the anchored codes before training: %.4f%n",
                        validationLabel, e.initialValidationMap());
            }
        }

        @Override
        public void onStep(Step e) {
            int width = 30;
            int filled = (int) Math.round(width * (double) e.step() / Math.max(1, e.totalSteps()));
            System.err.printf(Locale.ROOT, "\r[%s%s] step %d/%d epoch %d loss %.4f  %.1f pairs/s  ETA %s   ",
                    "#".repeat(filled), ".".repeat(width - filled), e.step(), e.totalSteps(), e.epoch(),
                    e.losses().getOrDefault("loss_total", Double.NaN), e.pairsPerSecond(), eta(e.etaSeconds()));
        }

        @Override
        public void onEpoch(Epoch e) {
            System.err.printf(Locale.ROOT, "%nepoch %d: mean loss %.4f, validation mAP (%s) %.4f, %.0f s%n",
                    e.epoch(), e.meanTotalLoss(), validationLabel, e.validationMap(), e.seconds());
        }

        private static String eta(double s) {
            if (!Double.isFinite(s)) {
                return "?";
            }
            long x = Math.round(s);
            return String.format(Locale.ROOT, "%d:%02d:%02d", x / 3600, x / 60 % 60, x % 60);
        }
    }
}
