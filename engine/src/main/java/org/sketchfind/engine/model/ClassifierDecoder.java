package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Ablation of Eq. 6 (Table 3, "decoder → classifier"): instead of reconstructing the class vector, the codes predict
 * the seen class with a fully-connected softmax layer; the decoder term of Eq. 7 becomes the cross-entropy
 * −Σ_c y_c log softmax(b̄ W + c)_c (b̄ = 2b − 1, as in {@link GaussianDecoder}), averaged over pairs and Monte-Carlo
 * samples. It uses no semantic vectors, so the model loses its semantic transfer to unseen classes.
 */
public final class ClassifierDecoder {
    private ClassifierDecoder() {
    }

    /**
     * @param codes  b̃ [K, N, M]
     * @param labels one-hot seen classes [N, numClasses]
     * @return the mean cross-entropy (scalar), named "loss_decoder"
     */
    public static SDVariable crossEntropy(Params p, SDVariable codes, SDVariable labels, int numClasses,
                                          ZsihConfig cfg) {
        SameDiff sd = p.sd();
        long m = cfg.bits();
        SDVariable w = p.weight("cls_w", m, numClasses);
        SDVariable c = p.bias("cls_b", numClasses, 0.0);
        SDVariable rows = GaussianDecoder.centredRows(sd, codes, m);
        SDVariable logits = sd.reshape(rows.mmul(w).add(c), cfg.mcSamples(), -1, numClasses);
        // log-softmax over the classes, written out (SameDiff M2.1's logSoftmax(x, dim) fails to build its
        // gradient): logits − max − log Σ exp(logits − max), the max held constant (the result does not depend on it).
        SDVariable max = new StopGradient(sd, sd.max(logits, true, 2)).outputVariable();
        SDVariable shifted = logits.sub(max);
        SDVariable logProb = shifted.sub(sd.math().log(sd.sum(sd.math().exp(shifted), true, 2)));  // [K, N, C]
        SDVariable perPair = sd.sum(logProb.mul(sd.expandDims(labels, 0)), 2).neg();
        return sd.mean("loss_decoder", perPair);
    }
}
