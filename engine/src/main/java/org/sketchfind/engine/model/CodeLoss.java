package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The terms of Eq. 7 besides the decoder's: the code-entropy term log q(b̃ | x, y) of the stochastic neurons and the
 * encoder-to-code terms (1/2M)‖f(x) − b̃‖² and (1/2M)‖g(y) − b̃‖² that tie the encoders f and g to the codes of the
 * multi-modal network. Each is averaged over pairs and Monte-Carlo samples (Eq. 8); the sum over pairs of the paper
 * becomes a mean so that the learning rate does not depend on the batch size.
 */
public final class CodeLoss {
    private CodeLoss() {
    }

    /**
     * log q(b̃|x,y) = Σ_m [ b̃_m log σ(z_m) + (1 − b̃_m) log(1 − σ(z_m)) ], computed from the logits z as
     * −b̃·softplus(−z) − (1 − b̃)·softplus(z) for numerical stability (softplus itself in the overflow-free form
     * of {@link #softplus}).
     *
     * @param logits z [N, M]
     * @param codes  b̃ [K, N, M]
     * @return the mean (scalar), named "loss_log_q"
     */
    public static SDVariable logQ(SameDiff sd, SDVariable logits, SDVariable codes) {
        SDVariable z = sd.expandDims(logits, 0);
        SDVariable logP = softplus(sd, z.neg()).neg();
        SDVariable log1mP = softplus(sd, z).neg();
        SDVariable perBit = codes.mul(logP).add(codes.rsub(1.0).mul(log1mP));
        return sd.mean("loss_log_q", sd.sum(perBit, 2));
    }

    /**
     * (1/2M)‖e − b̃‖² for one encoder's outputs e.
     *
     * @param encoderOut f(x) or g(y) [N, M]
     * @param codes      b̃ [K, N, M]
     */
    public static SDVariable encoderToCode(SameDiff sd, String name, SDVariable encoderOut, SDVariable codes,
                                           int bits) {
        SDVariable diff = sd.expandDims(encoderOut, 0).sub(codes);
        return sd.mean(sd.sum(diff.mul(diff), 2)).mul(name, 1.0 / (2.0 * bits));
    }

    /**
     * softplus(x) = log(1 + e^x) as max(x, 0) + log1p(e^−|x|): finite for every x. libnd4j's own softplus computes
     * e^x first and overflows to infinity for x above ~88 (float32), which turned log q into NaN on real features.
     */
    static SDVariable softplus(SameDiff sd, SDVariable x) {
        return sd.nn().relu(x, 0.0).add(sd.math().log1p(sd.math().exp(sd.math().abs(x).neg())));
    }
}
