package org.sketchfind.engine.cli;

import org.sketchfind.engine.JobListener;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TrainingEvent;
import org.sketchfind.engine.TrainingOutcome;
import org.sketchfind.engine.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--epochs", defaultValue = "8", description = "epochs; 0 writes the initial (closed-form anchored)"
            + " model (default ${DEFAULT-VALUE}; the paper's recipe without anchors used 40)")
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

    @Option(names = "--semantic-weight", paramLabel = "LAMBDA",
            description = "weight of the encoder-side semantic term, the encoders' codes read by the decoder's mean"
                    + " (not in the paper, which is 0; default 100 with the Gaussian decoder, 0 with the classifier"
                    + " ablation, which has no decoder mean)")
    Double semanticWeight;

    @Option(names = "--anchor-weight", defaultValue = "10000", paramLabel = "LAMBDA_A",
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
    String fusion;

    @Option(names = "--propagation", defaultValue = "GRAPH_CONVOLUTION",
            description = "GRAPH_CONVOLUTION or FULLY_CONNECTED (ablation)")
    String propagation;

    @Option(names = "--decoder", defaultValue = "GAUSSIAN", description = "GAUSSIAN or CLASSIFIER (ablation)")
    String decoder;

    @Option(names = "--binarization", defaultValue = "STOCHASTIC", description = "STOCHASTIC or QUANTIZATION (ablation)")
    String binarization;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "run folder (config, log, checkpoints, model.zip)")
    Path out;

    @Option(names = "--resume", description = "continue from the run folder's last checkpoint")
    boolean resume;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Mixin
    BackboneOption backbone = new BackboneOption();

    /** The request these options make (the engine carries it out; see {@link Sketchfind#train}). */
    TrainingRequest request() {
        return TrainingRequest.builder(data, out).glove(glove).split(common.split).cache(common.cache)
                .backbone(backbone.name).resume(resume).bits(bits).epochs(epochs).maxSteps(maxSteps).batch(batch)
                .t(t).learningRate(lr).entropyWeight(entropyWeight).entropyWarmup(entropyWarmup)
                .semanticWeight(semanticWeight).anchorWeight(anchorWeight).seed(seed).heldOut(heldOut).validationClasses(validationClasses)
                .checkpointEvery(checkpointEvery).fusion(fusion).propagation(propagation).decoder(decoder)
                .binarization(binarization).build();
    }

    @Override
    public Integer call() {
        TrainingRequest request = request();
        if (!Files.isRegularFile(request.gloveFile())) {
            System.err.println("sketchfind train: no GloVe vectors at " + request.gloveFile() + " (give --glove FILE)");
            return 2;
        }
        if (validationClasses < 0) {
            System.err.println("sketchfind train: --validation-classes must be 0 or more, not " + validationClasses);
            return 2;
        }
        String badSwitch = badSwitch("--fusion", fusion, TrainingRequest.FUSIONS)
                + badSwitch("--propagation", propagation, TrainingRequest.PROPAGATIONS)
                + badSwitch("--decoder", decoder, TrainingRequest.DECODERS)
                + badSwitch("--binarization", binarization, TrainingRequest.BINARIZATIONS);
        if (!badSwitch.isEmpty()) {
            System.err.println("sketchfind train: " + badSwitch.strip());
            return 2;
        }
        TrainingOutcome r;
        try (Sketchfind engine = new Sketchfind()) {
            // a kill (Ctrl-C) cancels the run, which then writes a checkpoint that --resume continues from
            r = CliJobs.awaitCancellingOnExit(engine.train(request, new ProgressLine()), 60);
        } catch (Exception e) {
            // a setting the data cannot take, or a run folder made with other settings: said in one line
            return CliJobs.fail("train", e);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.put("steps", r.steps());
        o.put("model", r.model() == null ? null : r.model().toString());
        o.put("losses", r.losses());
        o.put("validation_map", r.validationMaps());
        o.put("seconds", r.seconds());
        if (common.json) {
            JsonOutput.print(o, System.out);
        } else {
            System.out.println(r.status() + " after " + r.steps() + " steps; model: " + r.model());
        }
        return r.completed() ? 0 : 3;
    }

    private static String badSwitch(String option, String value, java.util.List<String> allowed) {
        return allowed.contains(value) ? ""
                : option + " must be one of " + String.join(", ", allowed) + ", not " + value + " ";
    }

    /** The run's events on stderr: what trains, one progress line per step, one summary line per epoch. */
    static final class ProgressLine implements JobListener<TrainingEvent> {
        private String validationLabel = "held-out seen items";

        @Override
        public void onLog(String line) {
            System.err.println(line);
        }

        @Override
        public void onProgress(TrainingEvent event) {
            // feature caching logs its own lines; checkpoints are not announced
            if (event instanceof TrainingEvent.Prepared p) {
                prepared(p);
            } else if (event instanceof TrainingEvent.Started e) {
                System.err.printf(Locale.ROOT, "%s at step %d of %d (%d steps/epoch, %,d parameters)%n",
                        e.resumed() ? "resuming" : "starting", e.firstStep(), e.totalSteps(), e.stepsPerEpoch(),
                        e.parameters());
                if (!Double.isNaN(e.initialValidationMap())) {
                    System.err.printf(Locale.ROOT, "validation mAP (%s) of the anchored codes before training: %.4f%n",
                            validationLabel, e.initialValidationMap());
                }
            } else if (event instanceof TrainingEvent.Step e) {
                step(e);
            } else if (event instanceof TrainingEvent.Epoch e) {
                System.err.printf(Locale.ROOT, "%nepoch %d: mean loss %.4f, validation mAP (%s) %.4f, %.0f s%n",
                        e.epoch(), e.meanTotalLoss(), validationLabel, e.validationMap(), e.seconds());
            }
        }

        private void prepared(TrainingEvent.Prepared p) {
            validationLabel = p.validationLabel();
            System.err.printf(Locale.ROOT, "training on %d seen classes: %d sketches, %d photos (%d + %d held out)%n",
                    p.classes(), p.sketches(), p.photos(), p.heldOutSketches(), p.heldOutPhotos());
            if (p.graphReach() != null) {
                System.err.println(p.graphReach());
            }
            if (!p.validationClasses().isEmpty()) {
                System.err.println("validation classes (held out whole, not trained): "
                        + String.join(", ", p.validationClasses()));
            }
        }

        /** When the last plain progress line was printed (stderr not a terminal). */
        private static long lastPlainLine;

        /** A redrawn progress bar on a terminal; in a file or a pipe a plain line at most every 10 s. */
        private static void step(TrainingEvent.Step e) {
            String text = String.format(Locale.ROOT, "step %d/%d epoch %d loss %.4f  %.1f pairs/s  ETA %s",
                    e.step(), e.totalSteps(), e.epoch(), e.losses().getOrDefault("loss_total", Double.NaN),
                    e.pairsPerSecond(), eta(e.etaSeconds()));
            if (!Terminal.stderrIsTerminal()) {
                long now = System.nanoTime();
                if (e.step() == e.totalSteps() || now - lastPlainLine >= 10_000_000_000L) {
                    lastPlainLine = now;
                    System.err.println(text);
                }
                return;
            }
            int width = 30;
            int filled = (int) Math.round(width * (double) e.step() / Math.max(1, e.totalSteps()));
            System.err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + text + "   ");
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
