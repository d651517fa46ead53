package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Eq. 6, the semantic decoder p(s | b) = N(μ(b), diag σ²(b)), with fully-connected μ(b) = b W_μ + c_μ and
 * log σ(b) = b W_σ + c_σ, and its negative log-likelihood, the first term of Eq. 7:
 * −log p(s|b) = Σ_d [ log σ_d + (s_d − μ_d)² / (2σ_d²) ] + (D/2) log 2π,
 * averaged over pairs and Monte-Carlo samples.
 */
public final class GaussianDecoder {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private GaussianDecoder() {
    }

    /**
     * @param codes b̃ [K, N, M]
     * @param s     class vectors [N, D]
     * @return the mean NLL (scalar), named "loss_decoder"
     */
    public static SDVariable negativeLogLikelihood(Params p, SDVariable codes, SDVariable s, ZsihConfig cfg) {
        SameDiff sd = p.sd();
        int k = cfg.mcSamples();
        long m = cfg.bits();
        long d = cfg.semanticDim();
        SDVariable wMu = p.weight("dec_mu_w", m, d);
        SDVariable cMu = p.bias("dec_mu_b", d, 0.0);
        SDVariable wSig = p.weight("dec_logsigma_w", m, d);
        SDVariable cSig = p.bias("dec_logsigma_b", d, 0.0);
        SDVariable flat = sd.reshape(codes, -1, m);                        // [K·N, M]
        SDVariable mu = sd.reshape(flat.mmul(wMu).add(cMu), k, -1, d);     // [K, N, D]
        SDVariable logSigma = sd.reshape(flat.mmul(wSig).add(cSig), k, -1, d);
        SDVariable diff = sd.expandDims(s, 0).sub(mu);                      // [K, N, D]
        SDVariable perDim = logSigma.add(diff.mul(diff).mul(sd.math().exp(logSigma.mul(-2.0))).mul(0.5));
        SDVariable perPair = sd.sum(perDim, 2);                            // [K, N]
        return sd.mean(perPair).add("loss_decoder", d * HALF_LOG_2PI);
    }
}
