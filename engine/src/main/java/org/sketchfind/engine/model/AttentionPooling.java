package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Attention model of the encoders (paper Sec. 2.1, after Song et al. 2017, "Deep spatial-semantic attention for
 * fine-grained sketch-based image retrieval", without its shortcut connection).
 *
 * <p>A small 1×1 convolutional net scores every spatial position of the backbone feature map X ∈ R^{C×H×W}:
 * e = W₂ᵀ ReLU(W₁ᵀ x_p + b₁) + b₂ for each position p; a softmax over the H·W positions gives the attention map
 * α; the output is the attention-weighted sum pooling Σ_p α_p x_p ∈ R^C. A 1×1 convolution is a per-position linear
 * map, so it is computed as one matrix product over all positions of the batch; the pooling is a rank-3 matrix
 * product [N,1,HW]×[N,HW,C].
 *
 * <p>Input scale: each sample's map is first divided by its root-mean-square value, X̂ = X · √(C·H·W) / ‖X‖_F.
 * Frozen SqueezeNet maps are sparse with peaks of 200–300 (pooled norm ≈ 100); fed raw, the Kronecker fusion and
 * graph convolution reach logits in the hundreds, every sigmoid saturates (σ' = 0) and nothing learns. The
 * normalisation is not in the paper (its AlexNet features were fine-tuned, not frozen); it makes the encoders
 * invariant to the backbone's scale, at search time as in training.
 */
public final class AttentionPooling {
    /** Keeps the normalisation finite for an all-zero map. */
    static final double EPS = 1e-12;

    private AttentionPooling() {
    }

    /**
     * @param p      parameter factory
     * @param prefix variable name prefix (separate weights per encoder)
     * @param maps   feature maps [N, C, H, W]
     * @param cfg    sizes
     * @return the pooled feature [N, C] (the attention map itself is named {@code prefix + "attention"}, [N, HW])
     */
    public static SDVariable build(Params p, String prefix, SDVariable maps, ZsihConfig cfg) {
        SameDiff sd = p.sd();
        long c = cfg.featureChannels();
        long hw = cfg.positions();
        SDVariable w1 = p.weight(prefix + "att_w1", c, cfg.attentionHidden());
        SDVariable b1 = p.bias(prefix + "att_b1", cfg.attentionHidden(), 0.0);
        SDVariable w2 = p.weight(prefix + "att_w2", cfg.attentionHidden(), 1);
        SDVariable b2 = p.bias(prefix + "att_b2", 1, 0.0);

        SDVariable raw = sd.reshape(maps, -1, c, hw);                     // [N, C, HW]
        SDVariable norm = sd.math().sqrt(sd.sum(raw.mul(raw), true, 1, 2).add(EPS)); // [N, 1, 1]
        SDVariable flat = raw.mul(Math.sqrt((double) c * hw)).div(norm);  // unit RMS per sample
        SDVariable positions = sd.permute(flat, 0, 2, 1);                // [N, HW, C]
        SDVariable rows = sd.reshape(positions, -1, c);                  // [N·HW, C]
        SDVariable hidden = sd.nn().relu(rows.mmul(w1).add(b1), 0.0);    // [N·HW, A]
        SDVariable score = sd.reshape(hidden.mmul(w2).add(b2), -1, hw);  // [N, HW]
        SDVariable alpha = sd.nn().softmax(prefix + "attention", score, 1);
        SDVariable weights = sd.reshape(alpha, -1, 1, hw);               // [N, 1, HW]
        SDVariable pooled = sd.mmul(weights, positions);                 // [N, 1, C]
        return sd.reshape(pooled, -1, c);
    }

    /**
     * What {@link #build} computes for one map when the attention is uniform (all scores equal, as when the
     * scorer's output weights are 0): the normalised map's mean over positions, Σ_p x_p / (H·W) · √(C·H·W) / ‖X‖_F.
     *
     * @param map C·H·W floats in C order (channel-major)
     */
    public static float[] uniformPooled(float[] map, int channels, int positions) {
        if (map.length != channels * positions) {
            throw new IllegalArgumentException("map of " + map.length + " floats is not " + channels + "×" + positions);
        }
        double sq = 0;
        for (float v : map) {
            sq += (double) v * v;
        }
        double scale = Math.sqrt((double) channels * positions) / Math.sqrt(sq + EPS) / positions;
        float[] out = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            double s = 0;
            for (int p = ch * positions, end = p + positions; p < end; p++) {
                s += map[p];
            }
            out[ch] = (float) (s * scale);
        }
        return out;
    }
}
