package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The in-batch semantic graph of Eq. 3: A_jk = exp(−‖s_j − s_k‖² / t) over the class vectors s of the batch's pairs
 * (A_jj = 1: the self-loops), and its symmetric normalisation Â = D^{−1/2} A D^{−1/2} with D_jj = Σ_k A_jk.
 *
 * <p>Squared distances are computed as ‖s_j‖² + ‖s_k‖² − 2 s_j·s_k, clamped at 0 against rounding. Two pairs of the
 * same class get A_jk = 1; with t → 0 (the ablation t = 1e-6) Â tends to a block matrix of same-class pairs.
 */
public final class SemanticGraph {
    private SemanticGraph() {
    }

    /**
     * @param s class vectors [N, D] (a placeholder: no gradient flows into the semantic vectors)
     * @param t the kernel width
     * @return Â [N, N], named "adjacency"
     */
    public static SDVariable normalizedAdjacency(SameDiff sd, SDVariable s, double t) {
        SDVariable sq = sd.sum(s.mul(s), true, 1);                                   // [N, 1]
        SDVariable gram = s.mmul(sd.transpose(s));                                   // [N, N]
        SDVariable dist = sd.nn().relu(sq.add(sd.transpose(sq)).sub(gram.mul(2.0)), 0.0);
        SDVariable a = sd.math().exp(dist.mul(-1.0 / t));                           // A, diagonal 1
        SDVariable dInvSqrt = sd.math().rsqrt(sd.sum(a, true, 1));                  // [N, 1]
        return a.mul(dInvSqrt).mul(sd.transpose(dInvSqrt)).rename("adjacency");
    }
}
