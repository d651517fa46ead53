package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Eq. 6, the semantic decoder p(s | b) = N(μ(b), diag σ²(b)), with fully-connected μ(b) = b̄ W_μ + c_μ and
 * log σ(b) = b̄ W_σ + c_σ, and its negative log-likelihood, the first term of Eq. 7:
 * −log p(s|b) = Σ_d [ log σ_d + (s_d − μ_d)² / (2σ_d²) ] + (D/2) log 2π,
 * averaged over pairs and Monte-Carlo samples.
 *
 * <p>The layers read the centred code b̄ = 2b − 1 ∈ {−1, +1}^M. That is the same family of affine maps of b as
 * Eq. 6 (b̄W + c = b(2W) + (c − 1ᵀW)), parametrised so that a random W adds no common offset: with {0, 1} codes the
 * random initial W gave every class's μ the same shift 1ᵀW/2, the decoder's gradient pushed every code the same way
 * to cancel it, and within 15 steps all codes were one constant code.
 */
public final class GaussianDecoder {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** Name of μ's bias c_μ. */
    public static final String MU_BIAS = "dec_mu_b";
    /** Name of log σ's bias c_σ. */
    public static final String LOG_SIGMA_BIAS = "dec_logsigma_b";
    /** Name of W_μ. */
    public static final String MU_WEIGHT = "dec_mu_w";
    /** Name of W_σ. */
    public static final String LOG_SIGMA_WEIGHT = "dec_logsigma_w";
    /** Smallest σ the data-driven initialisation sets (a dimension constant across classes would give log 0). */
    static final double MIN_SIGMA = 1e-3;

    private GaussianDecoder() {
    }

    /**
     * Starts the decoder near the marginal fit of the training classes' vectors, per dimension d with mean m_d and
     * standard deviation σ_d over the classes: c_μ = m, c_σ = log σ, W_σ = 0, and W_μ keeps its random pattern
     * rescaled so that b̄W_μ varies by about σ_d/2 in each dimension (each column's RMS = σ_d / (2√M)). Not in the
     * paper, which does not say how the decoder is initialised. With Glorot weights and zero biases the initial NLL
     * was ~1,000 nats (a random log σ of ±0.9 per dimension and μ spread twice as wide as the vectors themselves), the
     * first hundreds of steps went into undoing that, and meanwhile the decoder's gradient into the codes was noise.
     * The rescaled random W_μ still gives every class its own preferred code from the first step.
     *
     * @param params       the graph's variables (only the decoder's are changed; nothing happens when they are
     *                     absent, as in the classifier ablation)
     * @param classVectors the SEEN classes' vectors, one row per class
     */
    public static void initialiseFromData(java.util.Map<String, INDArray> params, float[][] classVectors) {
        INDArray mu = params.get(MU_BIAS);
        INDArray logSigma = params.get(LOG_SIGMA_BIAS);
        INDArray wMu = params.get(MU_WEIGHT);
        INDArray wSigma = params.get(LOG_SIGMA_WEIGHT);
        if (mu == null || logSigma == null || wMu == null || wSigma == null || classVectors.length == 0) {
            return;
        }
        long m = wMu.size(0);
        wSigma.assign(0);
        int d = classVectors[0].length;
        if (mu.length() != d || logSigma.length() != d) {
            throw new IllegalArgumentException("class vectors are " + d + "-d, the decoder has " + mu.length());
        }
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (float[] v : classVectors) {
                sum += v[j];
            }
            double mean = sum / classVectors.length;
            double sq = 0;
            for (float[] v : classVectors) {
                sq += (v[j] - mean) * (v[j] - mean);
            }
            double sigma = Math.max(Math.sqrt(sq / classVectors.length), MIN_SIGMA);
            mu.putScalar(0, j, mean);
            logSigma.putScalar(0, j, Math.log(sigma));
            INDArray column = wMu.getColumn(j).dup();
            double rms = Math.sqrt(column.mul(column).meanNumber().doubleValue());
            if (rms > 0) {
                wMu.putColumn(j, column.muli(sigma / (2 * Math.sqrt(m) * rms)));
            }
        }
    }

    /**
     * The codes b̃ [K, N, M] as rows [K·N, M] of centred codes b̄ = 2b̃ − 1, what both decoders read (and what the
     * encoder-side semantic term reads of an encoder's [N, M] outputs).
     */
    static SDVariable centredRows(SameDiff sd, SDVariable codes, long m) {
        return sd.reshape(codes, -1, m).mul(2.0).sub(1.0);
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
        SDVariable wMu = p.weight(MU_WEIGHT, m, d);
        SDVariable cMu = p.bias(MU_BIAS, d, 0.0);
        SDVariable wSig = p.weight(LOG_SIGMA_WEIGHT, m, d);
        SDVariable cSig = p.bias(LOG_SIGMA_BIAS, d, 0.0);
        SDVariable flat = centredRows(sd, codes, m);                       // b̄ = 2b − 1, [K·N, M]
        SDVariable mu = sd.reshape(flat.mmul(wMu).add(cMu), k, -1, d);     // [K, N, D]
        SDVariable logSigma = sd.reshape(flat.mmul(wSig).add(cSig), k, -1, d);
        SDVariable diff = sd.expandDims(s, 0).sub(mu);                      // [K, N, D]
        SDVariable perDim = logSigma.add(diff.mul(diff).mul(sd.math().exp(logSigma.mul(-2.0))).mul(0.5));
        SDVariable perPair = sd.sum(perDim, 2);                            // [K, N]
        return sd.mean(perPair).add("loss_decoder", d * HALF_LOG_2PI);
    }

    /**
     * The encoder-side semantic term (not in the paper; {@link ZsihConfig#semanticWeight}): one encoder's relaxed code
     * e = f(x) or g(y) is read by the decoder's mean, μ(e) = (2e − 1) W_μ + c_μ (the same variables as the NLL above),
     * and scored by (1/2D)‖s − μ(e)‖², averaged over pairs. In the paper the encoders learn only to copy b̃, so an
     * encoder's code for a class it never saw is whatever seen-class code it resembles; this term asks the encoders'
     * codes themselves to decode to the class vector, so that (W_μ having full column rank) codes close in μ-space are
     * close in Hamming space too. A mean squared error rather than the NLL, so that the encoders' residuals cannot
     * teach the decoder's σ to widen, which would loosen the NLL that trains b̃.
     *
     * @param encoderOut f(x) or g(y) [N, M], sigmoid outputs
     * @param s          class vectors [N, D]
     * @return the mean (scalar), named {@code name}; the decoder's variables must already be in the graph
     */
    public static SDVariable encoderSemanticError(SameDiff sd, String name, SDVariable encoderOut, SDVariable s,
                                                  ZsihConfig cfg) {
        SDVariable wMu = sd.getVariable(MU_WEIGHT);
        SDVariable cMu = sd.getVariable(MU_BIAS);
        if (wMu == null || cMu == null) {
            throw new IllegalStateException("build the Gaussian decoder before the encoder-side semantic term");
        }
        SDVariable mu = centredRows(sd, encoderOut, cfg.bits()).mmul(wMu).add(cMu);   // [N, D]
        SDVariable diff = s.sub(mu);
        return sd.mean(sd.sum(diff.mul(diff), 1)).mul(name, 1.0 / (2.0 * cfg.semanticDim()));
    }
}
