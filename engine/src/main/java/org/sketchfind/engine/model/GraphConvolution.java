package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Eq. 3, a graph-convolution layer: H^{l+1} = σ(D^{−1/2} A D^{−1/2} H^l W^l), with the normalised in-batch
 * adjacency Â of {@link SemanticGraph}. Computed as Â (H W) (the cheaper order when W narrows the width). As in
 * Eq. 3 there is no bias.
 *
 * <p>Ablation (Table 3, "graph convolution → fully-connected"): Â is dropped, H^{l+1} = σ(H^l W^l) — same weights,
 * no propagation between the pairs of a batch.
 */
public final class GraphConvolution {
    /** σ of a layer. */
    public enum Activation { RELU, LOGITS }

    private GraphConvolution() {
    }

    /**
     * @param adjacency Â [N, N], or null for the fully-connected ablation
     * @param h         H^l [N, in]
     * @param act       RELU (first layer, width 1024) or LOGITS (second layer: the caller applies the sigmoid or
     *                  uses the logits directly, which keeps log q of Eq. 7 numerically stable)
     */
    public static SDVariable build(Params p, String name, SDVariable adjacency, SDVariable h, long in, long out,
                                   Activation act) {
        SDVariable w = p.weight(name + "_w", in, out);
        SDVariable hw = h.mmul(w);
        SDVariable z = adjacency == null ? hw : adjacency.mmul(hw);
        return act == Activation.RELU ? p.sd().nn().relu(name, z, 0.0) : z.rename(name);
    }
}
