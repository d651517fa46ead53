package org.sketchfind.engine;

import org.sketchfind.engine.data.ClassTable;
import org.sketchfind.engine.model.ZsihConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A ZSIH training run, as {@link Sketchfind#train} carries it out: every setting of {@code sketchfind train}, with
 * the shipped recipe's defaults ({@link #builder}). Training uses the SEEN classes of the split only.
 *
 * <p>To add a training option: add a component here (and its builder field and setter), and the one line that passes
 * it on in {@code TrainingRun} (the facade's wiring of data set, features, config and trainer).
 *
 * @param data              data set root (photo/, sketch/, classes.tsv)
 * @param glove             GloVe text vectors, or null for {@code <data>/../glove/glove.6B.100d.top40k.txt}
 * @param split             split column of classes.tsv; only its seen classes train
 * @param cache             feature cache folder, or null for {@link Sketchfind#defaultFeatureCache()}
 * @param backbone          frozen backbone, or null for {@link Sketchfind#DEFAULT_BACKBONE}
 * @param out               run folder (config, log, checkpoints, model.zip)
 * @param resume            continue from the run folder's last checkpoint
 * @param bits              code length M: 16, 32, 64 or 128
 * @param epochs            passes over the training sketches (0: no step, the model as initialised, e.g. the
 *                          closed-form anchored codes alone)
 * @param maxSteps          stop after this many steps in all (0: no limit)
 * @param batch             sketch–photo pairs per mini-batch
 * @param t                 graph kernel width t of Eq. 3
 * @param learningRate      Adam learning rate
 * @param entropyWeight     β, weight of Eq. 7's code-entropy term log q
 * @param entropyWarmup     steps over which β rises linearly from 0
 * @param semanticWeight    λ of the encoder-side semantic term (not in the paper), or null for the recipe's:
 *                          {@link #DEFAULT_SEMANTIC_WEIGHT} with the Gaussian decoder, 0 with the classifier
 * @param anchorWeight      weight of the anchored codes (not in the paper, which is 0): above 0 the encoders start
 *                          from a closed-form solution and are held near it
 * @param seed              seed of initialisation, batches, noise and hold-outs
 * @param heldOut           sketches and photos per seen class held out for validation
 * @param validationClasses seen classes held out whole for validation instead of items (0: none)
 * @param checkpointEvery   steps between checkpoints
 * @param fusion            one of {@link #FUSIONS}; likewise propagation, decoder and binarization (ablations)
 */
public record TrainingRequest(Path data, Path glove, String split, Path cache, String backbone, Path out,
                              boolean resume, int bits, int epochs, long maxSteps, int batch, double t,
                              double learningRate, double entropyWeight, int entropyWarmup, Double semanticWeight,
                              double anchorWeight, long seed, int heldOut, int validationClasses, int checkpointEvery, String fusion,
                              String propagation, String decoder, String binarization) {
    /** λ of the shipped recipe, chosen on the zero-shot proxy of held-out seen classes. */
    public static final double DEFAULT_SEMANTIC_WEIGHT = 100;
    /**
     * λ_a of the shipped recipe (anchored codes), chosen on the zero-shot proxy of held-out seen classes: 1000 by rule
     * R1 (Hamming ranking), 10000 since rule R8 (the search's real-valued ranking: proxy 0.3682 → 0.3842).
     */
    public static final double DEFAULT_ANCHOR_WEIGHT = 10000;
    /** Epochs of the shipped recipe (fixed before the proxy runs that chose λ_a; docs/zsih-model-and-training.md). */
    public static final int DEFAULT_EPOCHS = 8;
    public static final List<String> FUSIONS = names(ZsihConfig.Fusion.values());
    public static final List<String> PROPAGATIONS = names(ZsihConfig.Propagation.values());
    public static final List<String> DECODERS = names(ZsihConfig.Decoder.values());
    public static final List<String> BINARIZATIONS = names(ZsihConfig.Binarization.values());

    public TrainingRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(split, "split");
    }

    /** The shipped recipe on {@code data}, into the run folder {@code out}. */
    public static Builder builder(Path data, Path out) {
        return new Builder(data, out);
    }

    /** The GloVe file the run reads: {@link #glove()}, else the default beside the data set. */
    public Path gloveFile() {
        return FeatureWork.gloveFile(glove, data);
    }

    /** The λ the run gets: the one given, else the recipe's for {@code decoder}. */
    public double semanticWeightOrDefault() {
        if (semanticWeight != null) {
            return semanticWeight;
        }
        return ZsihConfig.Decoder.valueOf(decoder) == ZsihConfig.Decoder.GAUSSIAN ? DEFAULT_SEMANTIC_WEIGHT : 0;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Builds a request from the shipped recipe's defaults. */
    public static final class Builder {
        private final Path data;
        private final Path out;
        private Path glove;
        private String split = ClassTable.DEFAULT_SPLIT;
        private Path cache;
        private String backbone;
        private boolean resume;
        private int bits = 64;
        private int epochs = DEFAULT_EPOCHS;
        private long maxSteps;
        private int batch = 64;
        private double t = 0.1;
        private double learningRate = 1e-3;
        private double entropyWeight = 0.2;
        private int entropyWarmup = 150;
        private Double semanticWeight;
        private double anchorWeight = DEFAULT_ANCHOR_WEIGHT;
        private long seed = 42;
        private int heldOut = 3;
        private int validationClasses;
        private int checkpointEvery = 50;
        private String fusion = ZsihConfig.Fusion.KRONECKER.name();
        private String propagation = ZsihConfig.Propagation.GRAPH_CONVOLUTION.name();
        private String decoder = ZsihConfig.Decoder.GAUSSIAN.name();
        private String binarization = ZsihConfig.Binarization.STOCHASTIC.name();

        private Builder(Path data, Path out) {
            this.data = data;
            this.out = out;
        }

        public Builder glove(Path v) {
            glove = v;
            return this;
        }

        public Builder split(String v) {
            split = v;
            return this;
        }

        public Builder cache(Path v) {
            cache = v;
            return this;
        }

        public Builder backbone(String v) {
            backbone = v;
            return this;
        }

        public Builder resume(boolean v) {
            resume = v;
            return this;
        }

        public Builder bits(int v) {
            bits = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder maxSteps(long v) {
            maxSteps = v;
            return this;
        }

        public Builder batch(int v) {
            batch = v;
            return this;
        }

        public Builder t(double v) {
            t = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder entropyWeight(double v) {
            entropyWeight = v;
            return this;
        }

        public Builder entropyWarmup(int v) {
            entropyWarmup = v;
            return this;
        }

        public Builder semanticWeight(Double v) {
            semanticWeight = v;
            return this;
        }

        public Builder anchorWeight(double v) {
            anchorWeight = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder heldOut(int v) {
            heldOut = v;
            return this;
        }

        public Builder validationClasses(int v) {
            validationClasses = v;
            return this;
        }

        public Builder checkpointEvery(int v) {
            checkpointEvery = v;
            return this;
        }

        public Builder fusion(String v) {
            fusion = v;
            return this;
        }

        public Builder propagation(String v) {
            propagation = v;
            return this;
        }

        public Builder decoder(String v) {
            decoder = v;
            return this;
        }

        public Builder binarization(String v) {
            binarization = v;
            return this;
        }

        public TrainingRequest build() {
            return new TrainingRequest(data, glove, split, cache, backbone, out, resume, bits, epochs, maxSteps,
                    batch, t, learningRate, entropyWeight, entropyWarmup, semanticWeight, anchorWeight, seed, heldOut,
                    validationClasses, checkpointEvery, fusion, propagation, decoder, binarization);
        }
    }
}
