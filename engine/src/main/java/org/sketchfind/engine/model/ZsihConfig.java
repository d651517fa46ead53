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
        double decorrelationWeight) {

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
                512, 13, 13, 256, 256, 256, 1024, 100, 1.0, 1.0);
    }

    public ZsihConfig withBits(int v) {
        return new ZsihConfig(v, batchSize, t, learningRate, seed, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    public ZsihConfig withBatchSize(int v) {
        return new ZsihConfig(bits, v, t, learningRate, seed, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    public ZsihConfig withT(double v) {
        return new ZsihConfig(bits, batchSize, v, learningRate, seed, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    public ZsihConfig withLearningRate(double v) {
        return new ZsihConfig(bits, batchSize, t, v, seed, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    public ZsihConfig withSeed(long v) {
        return new ZsihConfig(bits, batchSize, t, learningRate, v, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    public ZsihConfig withMcSamples(int v) {
        return new ZsihConfig(bits, batchSize, t, learningRate, seed, v, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    /** Sets the four ablation switches at once. */
    public ZsihConfig withSwitches(Fusion f, Propagation p, Decoder d, Binarization b) {
        return new ZsihConfig(bits, batchSize, t, learningRate, seed, mcSamples, f, p, d, b,
                featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    /** Sets the shape of the input feature maps (a reduced map for tests, or a channel-reduced cache). */
    public ZsihConfig withFeatureShape(int channels, int height, int width) {
        return new ZsihConfig(bits, batchSize, t, learningRate, seed, mcSamples, fusion, propagation, decoder,
                binarization, channels, height, width, attentionHidden, embedDim, fusionDim,
                gcnHidden, semanticDim, quantizationWeight, decorrelationWeight);
    }

    /** Sets the layer widths (attention hidden, encoder feature, Eq. 2 projection, Eq. 3 hidden). */
    public ZsihConfig withWidths(int attention, int embed, int fusionWidth, int gcn) {
        return new ZsihConfig(bits, batchSize, t, learningRate, seed, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attention, embed, fusionWidth,
                gcn, semanticDim, quantizationWeight, decorrelationWeight);
    }

    public ZsihConfig withSemanticDim(int v) {
        return new ZsihConfig(bits, batchSize, t, learningRate, seed, mcSamples, fusion, propagation, decoder,
                binarization, featureChannels, featureHeight, featureWidth, attentionHidden, embedDim, fusionDim,
                gcnHidden, v, quantizationWeight, decorrelationWeight);
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
        return String.format(Locale.ROOT, "M=%d batch=%d t=%g lr=%g seed=%d mc=%d %s/%s/%s/%s map=%dx%dx%d",
                bits, batchSize, t, learningRate, seed, mcSamples, fusion, propagation, decoder, binarization,
                featureChannels, featureHeight, featureWidth);
    }
}
