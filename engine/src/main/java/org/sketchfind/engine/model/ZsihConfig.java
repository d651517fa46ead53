package org.sketchfind.engine.model;

import java.util.Locale;

/**
 * Hyper-parameters of the ZSIH model (Shen et al., CVPR 2018) and its Table 3 ablation switches. Every switch changes
 * the SameDiff graph built by {@link ZsihGraph}; none is a flag that the graph ignores.
 *
 * <p>Sizes default to the paper: a 512×13×13 SqueezeNet feature map per image, a 256-d attention feature, Eq. 2's
 * 256×256 projections (so a 65,536-d Kronecker feature), Eq. 3's hidden width 1024, M = 64 bits, batch 250, t = 0.1.
 * Tests shrink them (a few channels, a 3×3 map) through the same record.
 *
 * @param bits               M, code length: 16, 32, 64 or 128 in the paper (any value ≥ 1 accepted here)
 * @param batchSize          sketch–photo pairs per mini-batch (paper: 250)
 * @param t                  kernel width of the in-batch semantic graph, Eq. 3 A_jk = exp(−‖s_j − s_k‖²/t) (paper: 0.1)
 * @param learningRate       Adam step size
 * @param seed               seeds weight initialisation, the pair sampler and the ε draws
 * @param mcSamples          Monte-Carlo samples of ε per pair (Eq. 8)
 * @param fusion             Eq. 2 Kronecker fusion, or the ablation "Kronecker → concatenation"
 * @param propagation        Eq. 3 graph convolution, or the ablation "graph convolution → fully-connected"
 * @param decoder            Eq. 6 Gaussian semantic decoder, or the ablation "decoder → classifier"
 * @param binarization       Eq. 4–5 stochastic neurons, or the ablation "→ quantisation loss + bit decorrelation"
 * @param featureChannels    C of the cached backbone feature maps (512 for SqueezeNet 1.1's last fire module)
 * @param featureHeight      H of the feature maps (13)
 * @param featureWidth       W of the feature maps (13)
 * @param attentionHidden    width of the attention model's hidden 1×1 convolution
 * @param embedDim           width of the encoders' fully-connected feature after attention pooling (256)
 * @param fusionDim          width of each projection of Eq. 2 (256; the Kronecker feature has fusionDim² entries)
 * @param gcnHidden          width of the first graph-convolution layer (1024)
 * @param semanticDim        length of the class vectors (100 for GloVe 6B 100d)
 * @param quantizationWeight weight of the quantisation loss in the "stochastic neurons" ablation
 * @param decorrelationWeight weight of the bit-decorrelation loss in that ablation
 * @param entropyWeight      β, the weight of Eq. 7's code-entropy term log q(b̃|x,y) (1 in the paper; β &lt; 1 as in a
 *                           β-VAE lets more bits carry class information; stochastic neurons only)
 * @param entropyWarmupSteps steps over which β rises linearly from 0 to {@code entropyWeight} (0: no warm-up), the
 *                           usual cure for a variational model whose codes collapse to their prior before the
 *                           decoder has learnt to use them (Bowman et al. 2016); not in the paper
 * @param semanticWeight     λ of the encoder-side semantic term, not in the paper (0 there): the encoders' own codes
 *                           f(x) and g(y) are read by Eq. 6's decoder mean μ and pulled towards the class vector,
 *                           λ·(1/2D)(‖s − μ(f(x))‖² + ‖s − μ(g(y))‖²); Gaussian decoder only
 * @param anchorWeight       λ_a of the anchored codes, not in the paper (0 there): above 0, the encoders start from
 *                           the closed-form solution of {@link AnchoredEncoders} (photo codes that keep the frozen
 *                           photo features' neighbourhoods, sketch codes regressed onto their class's photo codes)
 *                           and the loss gains λ_a·(1/2M)(‖f(x) − f₀(x)‖² + ‖g(y) − g₀(y)‖²), f₀ and g₀ being those
 *                           closed-form outputs; needs {@code embedDim ≥ 2·bits}
 */
public record ZsihConfig(
        int bits,
        int batchSize,
        double t,
        double learningRate,
        long seed,
        int mcSamples,
        Fusion fusion,
        Propagation propagation,
        Decoder decoder,
        Binarization binarization,
        int featureChannels,
        int featureHeight,
        int featureWidth,
        int attentionHidden,
        int embedDim,
        int fusionDim,
        int gcnHidden,
        int semanticDim,
        double quantizationWeight,
        double decorrelationWeight,
        double entropyWeight,
        int entropyWarmupSteps,
        double semanticWeight,
        double anchorWeight) {

    /** Eq. 2 or its ablation. */
    public enum Fusion { KRONECKER, CONCATENATION }

    /** Eq. 3 or its ablation. */
    public enum Propagation { GRAPH_CONVOLUTION, FULLY_CONNECTED }

    /** Eq. 6 or its ablation. */
    public enum Decoder { GAUSSIAN, CLASSIFIER }

    /** Eq. 4–5 or its ablation. */
    public enum Binarization { STOCHASTIC, QUANTIZATION }

    public ZsihConfig {
        require(bits >= 1 && bits <= 1024, "bits must be in 1..1024: " + bits);
        require(batchSize >= 2, "batch size must be at least 2 (the graph of Eq. 3 is in-batch): " + batchSize);
        require(t > 0 && Double.isFinite(t), "t must be positive: " + t);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive: " + learningRate);
        require(mcSamples >= 1 && mcSamples <= 64, "MC samples must be in 1..64: " + mcSamples);
        require(fusion != null && propagation != null && decoder != null && binarization != null,
                "ablation switches must not be null");
        require(featureChannels >= 1 && featureHeight >= 1 && featureWidth >= 1, "feature map shape must be positive");
        require(attentionHidden >= 1 && embedDim >= 1 && fusionDim >= 1 && gcnHidden >= 1 && semanticDim >= 1,
                "layer widths must be positive");
        require(quantizationWeight >= 0 && decorrelationWeight >= 0, "ablation loss weights must be non-negative");
        require(entropyWeight >= 0 && Double.isFinite(entropyWeight), "entropy weight must be non-negative: "
                + entropyWeight);
        require(entropyWarmupSteps >= 0, "entropy warm-up steps must be non-negative: " + entropyWarmupSteps);
        require(semanticWeight >= 0 && Double.isFinite(semanticWeight), "semantic weight must be non-negative: "
                + semanticWeight);
        require(anchorWeight >= 0 && Double.isFinite(anchorWeight), "anchor weight must be non-negative: "
                + anchorWeight);
        require(anchorWeight == 0 || embedDim >= 2 * bits, "anchored codes need an encoder feature of at least"
                + " 2M units: " + embedDim + " < " + 2 * bits);
        require(semanticWeight == 0 || decoder == Decoder.GAUSSIAN,
                "the encoder-side semantic term reads the Gaussian decoder: it cannot go with the classifier ablation");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's settings: M = 64, batch 250, t = 0.1, full-size SqueezeNet maps, GloVe 100-d. */
    public static ZsihConfig defaults() {
        return new ZsihConfig(64, 250, 0.1, 1e-4, 42L, 1,
                Fusion.KRONECKER, Propagation.GRAPH_CONVOLUTION, Decoder.GAUSSIAN, Binarization.STOCHASTIC,
                512, 13, 13, 256, 256, 256, 1024, 100, 1.0, 1.0, 1.0, 0, 0.0, 0.0);
    }

    public ZsihConfig withBits(int v) {
        return edit(b -> b.bits = v);
    }

    public ZsihConfig withBatchSize(int v) {
        return edit(b -> b.batchSize = v);
    }

    public ZsihConfig withT(double v) {
        return edit(b -> b.t = v);
    }

    public ZsihConfig withLearningRate(double v) {
        return edit(b -> b.learningRate = v);
    }

    public ZsihConfig withSeed(long v) {
        return edit(b -> b.seed = v);
    }

    public ZsihConfig withMcSamples(int v) {
        return edit(b -> b.mcSamples = v);
    }

    /** Sets β, the weight of Eq. 7's code-entropy term log q (1 in the paper). */
    public ZsihConfig withEntropyWeight(double v) {
        return edit(b -> b.entropyWeight = v);
    }

    /** Sets β's linear warm-up from 0 over {@code steps} steps (0: none). */
    public ZsihConfig withEntropyWarmupSteps(int steps) {
        return edit(b -> b.entropyWarmupSteps = steps);
    }

    /** Sets λ of the encoder-side semantic term (0, the paper: no such term). */
    public ZsihConfig withSemanticWeight(double v) {
        return edit(b -> b.semanticWeight = v);
    }

    /** Sets λ_a of the anchored codes (0, the paper: encoders start at random and have no anchor). */
    public ZsihConfig withAnchorWeight(double v) {
        return edit(b -> b.anchorWeight = v);
    }

    /** β at 0-based step {@code step}: the warm-up's linear ramp, then {@link #entropyWeight}. */
    public double entropyWeightAt(long step) {
        if (entropyWarmupSteps == 0 || step >= entropyWarmupSteps) {
            return entropyWeight;
        }
        return entropyWeight * step / entropyWarmupSteps;
    }

    /** Sets the four ablation switches at once. */
    public ZsihConfig withSwitches(Fusion f, Propagation p, Decoder d, Binarization bin) {
        return edit(b -> {
            b.fusion = f;
            b.propagation = p;
            b.decoder = d;
            b.binarization = bin;
        });
    }

    /** Sets the shape of the input feature maps (a reduced map for tests, or a channel-reduced cache). */
    public ZsihConfig withFeatureShape(int channels, int height, int width) {
        return edit(b -> {
            b.featureChannels = channels;
            b.featureHeight = height;
            b.featureWidth = width;
        });
    }

    /** Sets the layer widths (attention hidden, encoder feature, Eq. 2 projection, Eq. 3 hidden). */
    public ZsihConfig withWidths(int attention, int embed, int fusionWidth, int gcn) {
        return edit(b -> {
            b.attentionHidden = attention;
            b.embedDim = embed;
            b.fusionDim = fusionWidth;
            b.gcnHidden = gcn;
        });
    }

    public ZsihConfig withSemanticDim(int v) {
        return edit(b -> b.semanticDim = v);
    }

    /** A copy with the changes {@code change} makes to a mutable copy of every field (validated again). */
    private ZsihConfig edit(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    /** The record's fields, mutable: the one place that lists them all for the copy methods. */
    private static final class Fields {
        int bits;
        int batchSize;
        double t;
        double learningRate;
        long seed;
        int mcSamples;
        Fusion fusion;
        Propagation propagation;
        Decoder decoder;
        Binarization binarization;
        int featureChannels;
        int featureHeight;
        int featureWidth;
        int attentionHidden;
        int embedDim;
        int fusionDim;
        int gcnHidden;
        int semanticDim;
        double quantizationWeight;
        double decorrelationWeight;
        double entropyWeight;
        int entropyWarmupSteps;
        double semanticWeight;
        double anchorWeight;

        Fields(ZsihConfig c) {
            bits = c.bits;
            batchSize = c.batchSize;
            t = c.t;
            learningRate = c.learningRate;
            seed = c.seed;
            mcSamples = c.mcSamples;
            fusion = c.fusion;
            propagation = c.propagation;
            decoder = c.decoder;
            binarization = c.binarization;
            featureChannels = c.featureChannels;
            featureHeight = c.featureHeight;
            featureWidth = c.featureWidth;
            attentionHidden = c.attentionHidden;
            embedDim = c.embedDim;
            fusionDim = c.fusionDim;
            gcnHidden = c.gcnHidden;
            semanticDim = c.semanticDim;
            quantizationWeight = c.quantizationWeight;
            decorrelationWeight = c.decorrelationWeight;
            entropyWeight = c.entropyWeight;
            entropyWarmupSteps = c.entropyWarmupSteps;
            semanticWeight = c.semanticWeight;
            anchorWeight = c.anchorWeight;
        }

        ZsihConfig build() {
            return new ZsihConfig(bits, batchSize, t, learningRate, seed, mcSamples, fusion, propagation, decoder, binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim, gcnHidden, semanticDim, quantizationWeight, decorrelationWeight, entropyWeight,
                    entropyWarmupSteps, semanticWeight, anchorWeight);
        }
    }

    /** Spatial positions H·W of a feature map. */
    public int positions() {
        return featureHeight * featureWidth;
    }

    /** Width of the fused feature: fusionDim² (Kronecker) or 2·fusionDim (concatenation). */
    public long fusedDim() {
        return fusion == Fusion.KRONECKER ? (long) fusionDim * fusionDim : 2L * fusionDim;
    }

    /** A one-line summary for logs and the model card. */
    public String summary() {
        String s = String.format(Locale.ROOT, "M=%d batch=%d t=%g lr=%g seed=%d mc=%d beta=%g warmup=%d %s/%s/%s/%s map=%dx%dx%d",
                bits, batchSize, t, learningRate, seed, mcSamples, entropyWeight, entropyWarmupSteps, fusion, propagation, decoder, binarization,
                featureChannels, featureHeight, featureWidth);
        s = semanticWeight == 0 ? s : s + String.format(Locale.ROOT, " semantic=%g", semanticWeight);
        return anchorWeight == 0 ? s : s + String.format(Locale.ROOT, " anchor=%g", anchorWeight);
    }
}
