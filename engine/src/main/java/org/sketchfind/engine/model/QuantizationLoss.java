package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Ablation of Eq. 4–5 (Table 3, "stochastic neurons → quantisation loss + bit decorrelation"): the codes are the
 * deterministic sigmoid outputs p; instead of the entropy term log q, two regularisers push p toward binary and the
 * bits toward independence:
 * <ul>
 *   <li>quantisation: (1/M) Σ_m (p_m − round(p_m))², mean over pairs (round is a constant for the gradient);</li>
 *   <li>decorrelation: (1/M²) ‖ (1/N) BᵀB − I ‖²_F with B = 2p − 1 ∈ [−1, 1]^{N×M}.</li>
 * </ul>
 */
public final class QuantizationLoss {
    private QuantizationLoss() {
    }

    /** @param probs p [N, M]; returns the scalar "loss_quantization". */
    public static SDVariable quantization(SameDiff sd, SDVariable probs, int bits) {
        SDVariable rounded = new StopGradient(sd, sd.math().step(probs, 0.5)).outputVariable();
        SDVariable diff = probs.sub(rounded);
        return sd.mean(sd.sum(diff.mul(diff), 1)).mul("loss_quantization", 1.0 / bits);
    }

    /** @param probs p [N, M]; returns the scalar "loss_decorrelation". */
    public static SDVariable decorrelation(SameDiff sd, SDVariable probs, int bits, org.nd4j.linalg.api.buffer.DataType dtype) {
        SDVariable b = probs.mul(2.0).sub(1.0);
        SDVariable n = sd.sizeAt(b, 0).castTo(dtype);
        SDVariable corr = sd.transpose(b).mmul(b).div(n);                     // [M, M]
        SDVariable eye = sd.constant(org.nd4j.linalg.factory.Nd4j.eye(bits).castTo(dtype));
        SDVariable diff = corr.sub(eye);
        return sd.sum(diff.mul(diff)).mul("loss_decorrelation", 1.0 / ((double) bits * bits));
    }
}
