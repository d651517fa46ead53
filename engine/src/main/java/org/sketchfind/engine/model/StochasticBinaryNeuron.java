package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Eq. 4–5, stochastic binary neurons: b̃ = 1[σ(z) ≥ ε] with ε ~ U(0, 1), one independent ε per bit, pair and
 * Monte-Carlo sample (Eq. 8). ε is not drawn inside the graph: it is a placeholder {@code u} of shape [K, N, M] that
 * the trainer fills from its own seeded generator each step, so a step is repeatable and a gradient check can hold
 * ε fixed.
 *
 * <h2>Gradient estimator</h2>
 * The forward value is the hard sample; the backward pass uses the estimator of Dai et al. 2017 ("Stochastic
 * Generative Hashing", ICML), the <em>distributional derivative</em> of the stochastic neuron. For
 * b̃(z, ε) = 1[σ(z) ≥ ε], the expectation over ε of its distributional derivative with respect to z is σ'(z), so the
 * estimator sets ∂b̃/∂z := σ'(z) = σ(z)(1 − σ(z)) — a straight-through estimator taken through the sigmoid (not
 * through the threshold, which would be the cruder identity estimator ∂b̃/∂z := 1). It is implemented as
 * <pre>b̃ = p + stopGradient(1[p &gt; u] − p),   p = σ(z)</pre>
 * whose value is exactly the sample and whose gradient is exactly ∂p/∂z. We use it (and not REINFORCE or a
 * Gumbel/concrete relaxation) because it is the estimator the paper adopts from Dai et al.: unbiased for the linear
 * part of the loss in b̃, low-variance, and it needs no extra samples or baselines. (u = p exactly happens with
 * probability 0; the sample uses {@code >}, equivalent to Eq. 4's ≥ almost surely.)
 */
public final class StochasticBinaryNeuron {
    /**
     * @param probs p = σ(z) [N, M]
     * @param codes b̃ [K, N, M] (values exactly 0 or 1; gradient ∂p/∂z)
     */
    public record Outputs(SDVariable probs, SDVariable codes) {
    }

    private StochasticBinaryNeuron() {
    }

    /**
     * @param logits z [N, M], the second graph-convolution layer's pre-activation
     * @param u      ε [K, N, M], uniform in (0, 1)
     */
    public static Outputs build(SameDiff sd, SDVariable logits, SDVariable u) {
        SDVariable p = sd.nn().sigmoid("code_probs", logits);
        SDVariable p3 = sd.expandDims(p, 0);                              // [1, N, M]
        SDVariable hard = sd.math().step(p3.sub(u), 0.0);                // 1[p > u], [K, N, M]
        SDVariable delta = new StopGradient(sd, hard.sub(p3)).outputVariable();
        SDVariable b = p3.add("codes", delta);
        return new Outputs(p, b);
    }
}
