package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Eq. 2, the Kronecker fusion layer: h = ReLU((h_sk W_sk) ⊗ (h_im W_im)) with W_sk, W_im ∈ R^{256×256} and ⊗ the
 * Kronecker (outer) product of the two projected vectors, flattened to 256² = 65,536 entries per pair.
 *
 * <p>The per-pair outer product is a rank-3 matrix product [N,d,1]×[N,1,d] (same value as a broadcast multiply, but a
 * much faster backward pass in SameDiff). Entry (i, j) of the flattened result is u_i·v_j with u = h_sk W_sk.
 *
 * <p>Ablation (Table 3, "Kronecker → concatenation"): h = ReLU([h_sk W_sk, h_im W_im]), 2·256 entries.
 */
public final class KroneckerFusion {
    private KroneckerFusion() {
    }

    /**
     * @param sketchFeature h_sk [N, embedDim]
     * @param imageFeature  h_im [N, embedDim]
     * @return the fused feature [N, fusedDim], named "fused"
     */
    public static SDVariable build(Params p, SDVariable sketchFeature, SDVariable imageFeature, ZsihConfig cfg) {
        SameDiff sd = p.sd();
        long d = cfg.fusionDim();
        SDVariable wSk = p.weight("fuse_w_sk", cfg.embedDim(), d);
        SDVariable wIm = p.weight("fuse_w_im", cfg.embedDim(), d);
        SDVariable u = sketchFeature.mmul(wSk);                        // [N, d]
        SDVariable v = imageFeature.mmul(wIm);                         // [N, d]
        if (cfg.fusion() == ZsihConfig.Fusion.CONCATENATION) {
            return sd.nn().relu("fused", sd.concat(1, u, v), 0.0);
        }
        SDVariable outer = sd.mmul(sd.reshape(u, -1, d, 1), sd.reshape(v, -1, 1, d)); // [N, d, d]
        return sd.nn().relu("fused", sd.reshape(outer, -1, d * d), 0.0);
    }
}
