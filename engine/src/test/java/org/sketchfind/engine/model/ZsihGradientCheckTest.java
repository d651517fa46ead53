package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Double-precision gradient checks of every custom layer of the ZSIH graph (finite differences against SameDiff's
 * analytic gradients, {@link FiniteDifference}), plus value checks against hand-computed formulas.
 */
class ZsihGradientCheckTest {
    private static final ZsihConfig SMALL = ZsihConfig.defaults()
            .withBits(5).withBatchSize(4).withMcSamples(2).withT(0.7)
            .withFeatureShape(4, 2, 3).withWidths(3, 6, 3, 7).withSemanticDim(4);

    static INDArray rand(long seed, double lo, double hi, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** Loss Σ out ⊙ R with a fixed random R, so every output entry gets a distinct upstream gradient. */
    static SDVariable weightedSum(SameDiff sd, SDVariable out, long seed, long... shape) {
        return sd.sum("check_loss", out.mul(sd.constant(rand(seed, -1, 1, shape))));
    }

    static List<String> trainable(SameDiff sd) {
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        return names;
    }

    static void assertPasses(SameDiff sd, Map<String, INDArray> ph) {
        FiniteDifference.Result r = FiniteDifference.check(sd, "check_loss", ph, trainable(sd), 16, 7);
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void attentionPooling() {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        SDVariable maps = sd.var("maps", rand(2, 0, 1, 3, 4, 2, 3));
        SDVariable pooled = AttentionPooling.build(p, "x_", maps, SMALL);
        weightedSum(sd, pooled, 3, 3, 4);
        assertPasses(sd, Map.of());
        // The attention map is a distribution over positions, and pooling is its weighted sum of the map
        // normalised to unit RMS per sample (X · sqrt(C·HW) / ||X||_F).
        INDArray alpha = sd.output(Map.of(), "x_attention").get("x_attention");
        assertEquals(3, alpha.sum(1).sumNumber().doubleValue(), 1e-12);
        INDArray m = maps.getArr().reshape(3, 4, 6).dup();
        for (int n = 0; n < 3; n++) {
            INDArray sample = m.slice(n);
            double fro = Math.sqrt(sample.mul(sample).sumNumber().doubleValue() + AttentionPooling.EPS);
            sample.muli(Math.sqrt(4.0 * 6) / fro);
        }
        INDArray expected = Nd4j.create(DataType.DOUBLE, 3, 4);
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 4; c++) {
                double s = 0;
                for (int q = 0; q < 6; q++) {
                    s += alpha.getDouble(n, q) * m.getDouble(n, c, q);
                }
                expected.putScalar(n, c, s);
            }
        }
        INDArray got = sd.output(Map.of(), pooled.name()).get(pooled.name());
        assertTrue(expected.equalsWithEps(got, 1e-12), "weighted sum pooling");
        // scale invariance: the same maps 250 times larger (SqueezeNet's peaks) give the same pooled feature
        INDArray original = maps.getArr().dup();
        maps.setArray(original.mul(250.0));
        assertEquals(250.0 * original.getDouble(0, 0, 0, 0), maps.getArr().getDouble(0, 0, 0, 0), 1e-9);
        INDArray scaled = sd.output(Map.of(), pooled.name()).get(pooled.name());
        assertTrue(got.equalsWithEps(scaled, 1e-9), "pooled feature independent of the input scale");
    }

    @Test
    void hashEncoder() {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        SDVariable maps = sd.var("maps", rand(4, 0, 1, 3, 4, 2, 3));
        HashEncoder.Outputs o = HashEncoder.build(p, HashEncoder.IMAGE, maps, SMALL);
        weightedSum(sd, o.output(), 5, 3, SMALL.bits());
        assertPasses(sd, Map.of());
    }

    @Test
    void kroneckerFusion() {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        SDVariable hs = sd.var("h_sk", rand(6, -1, 1, 3, SMALL.embedDim()));
        SDVariable hi = sd.var("h_im", rand(7, -1, 1, 3, SMALL.embedDim()));
        SDVariable fused = KroneckerFusion.build(p, hs, hi, SMALL);
        long d = SMALL.fusionDim();
        weightedSum(sd, fused, 8, 3, d * d);
        assertPasses(sd, Map.of());
        // Eq. 2 value: entry (i, j) = ReLU(u_i v_j), u = h_sk W_sk, v = h_im W_im.
        INDArray u = hs.getArr().mmul(sd.getVariable("fuse_w_sk").getArr());
        INDArray v = hi.getArr().mmul(sd.getVariable("fuse_w_im").getArr());
        INDArray got = sd.output(Map.of(), "fused").get("fused");
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double e = Math.max(0, u.getDouble(n, i) * v.getDouble(n, j));
                    assertEquals(e, got.getDouble(n, i * d + j), 1e-12);
                }
            }
        }
    }

    @Test
    void concatenationFusionAblation() {
        ZsihConfig cfg = SMALL.withSwitches(ZsihConfig.Fusion.CONCATENATION, SMALL.propagation(), SMALL.decoder(),
                SMALL.binarization());
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        SDVariable hs = sd.var("h_sk", rand(6, -1, 1, 3, cfg.embedDim()));
        SDVariable hi = sd.var("h_im", rand(7, -1, 1, 3, cfg.embedDim()));
        SDVariable fused = KroneckerFusion.build(p, hs, hi, cfg);
        assertEquals(2 * cfg.fusionDim(), cfg.fusedDim());
        weightedSum(sd, fused, 9, 3, cfg.fusedDim());
        assertPasses(sd, Map.of());
    }

    @Test
    void semanticGraphNormalisedAdjacency() {
        SameDiff sd = SameDiff.create();
        SDVariable s = sd.var("s", rand(10, -1, 1, 4, 3));
        double t = 0.7;
        SDVariable adj = SemanticGraph.normalizedAdjacency(sd, s, t);
        weightedSum(sd, adj, 11, 4, 4);
        assertPasses(sd, Map.of());
        // Value: D^-1/2 A D^-1/2 with A_jk = exp(-|s_j - s_k|^2 / t).
        INDArray sv = s.getArr();
        double[][] a = new double[4][4];
        double[] deg = new double[4];
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < 4; k++) {
                double d2 = 0;
                for (int x = 0; x < 3; x++) {
                    double diff = sv.getDouble(j, x) - sv.getDouble(k, x);
                    d2 += diff * diff;
                }
                a[j][k] = Math.exp(-d2 / t);
                deg[j] += a[j][k];
            }
        }
        INDArray got = sd.output(Map.of(), "adjacency").get("adjacency");
        for (int j = 0; j < 4; j++) {
            assertEquals(1.0 / deg[j], got.getDouble(j, j), 1e-12, "self-loop A_jj = 1");
            for (int k = 0; k < 4; k++) {
                assertEquals(a[j][k] / Math.sqrt(deg[j] * deg[k]), got.getDouble(j, k), 1e-12);
            }
        }
    }

    @Test
    void graphConvolutionLayersAndFullyConnectedAblation() {
        for (boolean graph : new boolean[]{true, false}) {
            SameDiff sd = SameDiff.create();
            Params p = new Params(sd, DataType.DOUBLE, 1);
            SDVariable s = sd.placeHolder("s", DataType.DOUBLE, -1, 3);
            SDVariable adj = graph ? SemanticGraph.normalizedAdjacency(sd, s, 0.5) : null;
            SDVariable h0 = sd.var("h0", rand(12, 0, 1, 4, 6));
            SDVariable h1 = GraphConvolution.build(p, "gcn1", adj, h0, 6, 7, GraphConvolution.Activation.RELU);
            SDVariable z = GraphConvolution.build(p, "gcn2", adj, h1, 7, 5, GraphConvolution.Activation.LOGITS);
            weightedSum(sd, sd.nn().sigmoid(z), 13, 4, 5);
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("s", rand(14, -1, 1, 4, 3));
            assertPasses(sd, ph);
        }
    }

    @Test
    void stochasticNeuronWithFixedEpsilonHasTheDistributionalDerivative() {
        SameDiff sd = SameDiff.create();
        INDArray zv = rand(15, -2, 2, 3, 5);
        SDVariable z = sd.var("z", zv);
        SDVariable u = sd.placeHolder("u", DataType.DOUBLE, 2, -1, 5);
        StochasticBinaryNeuron.Outputs o = StochasticBinaryNeuron.build(sd, z, u);
        INDArray r = rand(16, -1, 1, 2, 3, 5);
        sd.sum("check_loss", o.codes().mul(sd.constant(r)));
        sd.setLossVariables("check_loss");
        INDArray uv = rand(17, 0, 1, 2, 3, 5);
        Map<String, INDArray> ph = Map.of("u", uv);
        INDArray b = sd.output(ph, "codes").get("codes");
        INDArray grad = sd.calculateGradients(ph, "z").get("z");
        for (int k = 0; k < 2; k++) {
            for (int n = 0; n < 3; n++) {
                for (int m = 0; m < 5; m++) {
                    double pr = 1 / (1 + Math.exp(-zv.getDouble(n, m)));
                    assertEquals(pr > uv.getDouble(k, n, m) ? 1.0 : 0.0, b.getDouble(k, n, m), 0.0,
                            "forward value is the hard sample 1[σ(z) > ε]");
                }
            }
        }
        // Estimator: ∂b̃/∂z := σ'(z), so ∂L/∂z = σ'(z) Σ_k R_k.
        for (int n = 0; n < 3; n++) {
            for (int m = 0; m < 5; m++) {
                double pr = 1 / (1 + Math.exp(-zv.getDouble(n, m)));
                double expected = pr * (1 - pr) * (r.getDouble(0, n, m) + r.getDouble(1, n, m));
                assertEquals(expected, grad.getDouble(n, m), 1e-12);
            }
        }
        // And it equals the finite-difference gradient of the surrogate Σ R ⊙ σ(z) (the estimator's definition).
        SameDiff surrogate = SameDiff.create();
        SDVariable zs = surrogate.var("z", zv.dup());
        surrogate.sum("check_loss", surrogate.expandDims(surrogate.nn().sigmoid(zs), 0)
                .mul(surrogate.constant(r)));
        FiniteDifference.Result fd = FiniteDifference.check(surrogate, "check_loss", Map.of(), List.of("z"), 40, 1);
        assertTrue(fd.passed(), fd.toString());
        INDArray surrogateGrad = surrogate.calculateGradients(Map.of(), "z").get("z");
        assertTrue(surrogateGrad.equalsWithEps(grad, 1e-12));
    }

    @Test
    void gaussianDecoderNegativeLogLikelihood() {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        int k = SMALL.mcSamples();
        SDVariable codes = sd.var("codes", rand(18, 0, 1, k, 3, SMALL.bits()));
        SDVariable s = sd.placeHolder("s", DataType.DOUBLE, -1, SMALL.semanticDim());
        SDVariable nll = GaussianDecoder.negativeLogLikelihood(p, codes, s, SMALL);
        sd.identity("check_loss", nll);
        INDArray sv = rand(19, -1, 1, 3, SMALL.semanticDim());
        assertPasses(sd, Map.of("s", sv));
        // Value against the Gaussian density written out.
        INDArray b = codes.getArr();
        INDArray wMu = sd.getVariable("dec_mu_w").getArr();
        INDArray wSig = sd.getVariable("dec_logsigma_w").getArr();
        double total = 0;
        for (int kk = 0; kk < k; kk++) {
            for (int n = 0; n < 3; n++) {
                INDArray bn = b.get(org.nd4j.linalg.indexing.NDArrayIndex.point(kk),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(n)).reshape(1, SMALL.bits())
                        .mul(2.0).sub(1.0);                                  // the centred code 2b − 1
                INDArray mu = bn.mmul(wMu);
                INDArray ls = bn.mmul(wSig);
                for (int d = 0; d < SMALL.semanticDim(); d++) {
                    double sigma = Math.exp(ls.getDouble(0, d));
                    double density = Math.exp(-Math.pow(sv.getDouble(n, d) - mu.getDouble(0, d), 2)
                            / (2 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
                    total -= Math.log(density);
                }
            }
        }
        assertEquals(total / (k * 3), FiniteDifference.lossValue(sd, "loss_decoder", Map.of("s", sv)), 1e-10);
    }

    /**
     * The encoder-side semantic term (not in the paper): the decoder's mean read at an encoder's relaxed code. Checked
     * together with the NLL that owns W_μ and c_μ, so the shared variables get both terms' gradients.
     */
    @Test
    void encoderSideSemanticTerm() {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        SDVariable codes = sd.var("codes", rand(27, 0, 1, SMALL.mcSamples(), 3, SMALL.bits()));
        SDVariable f = sd.var("f", rand(28, 0, 1, 3, SMALL.bits()));
        SDVariable s = sd.placeHolder("s", DataType.DOUBLE, -1, SMALL.semanticDim());
        SDVariable nll = GaussianDecoder.negativeLogLikelihood(p, codes, s, SMALL);
        SDVariable sem = GaussianDecoder.encoderSemanticError(sd, "loss_image_semantic", f, s, SMALL);
        sd.identity("check_loss", nll.add(sem.mul(1.7)));
        INDArray sv = rand(29, -1, 1, 3, SMALL.semanticDim());
        assertPasses(sd, Map.of("s", sv));
        // Value: (1/2D) mean over pairs of |s − ((2f − 1) W_μ + c_μ)|².
        INDArray mu = f.getArr().mul(2.0).sub(1.0).mmul(sd.getVariable(GaussianDecoder.MU_WEIGHT).getArr())
                .addRowVector(sd.getVariable(GaussianDecoder.MU_BIAS).getArr());
        double expected = 0;
        for (int n = 0; n < 3; n++) {
            for (int d = 0; d < SMALL.semanticDim(); d++) {
                expected += Math.pow(sv.getDouble(n, d) - mu.getDouble(n, d), 2);
            }
        }
        expected /= 3 * 2.0 * SMALL.semanticDim();
        assertEquals(expected, FiniteDifference.lossValue(sd, "loss_image_semantic", Map.of("s", sv)), 1e-10);
        // Without the decoder's variables there is nothing to read the codes with.
        SameDiff bare = SameDiff.create();
        assertThrows(IllegalStateException.class, () -> GaussianDecoder.encoderSemanticError(bare, "x",
                bare.var("f", rand(30, 0, 1, 3, SMALL.bits())), bare.placeHolder("s", DataType.DOUBLE, -1,
                        SMALL.semanticDim()), SMALL));
    }

    @Test
    void classifierDecoderAblation() {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.DOUBLE, 1);
        SDVariable codes = sd.var("codes", rand(20, 0, 1, SMALL.mcSamples(), 3, SMALL.bits()));
        SDVariable labels = sd.placeHolder("labels", DataType.DOUBLE, -1, 4);
        SDVariable ce = ClassifierDecoder.crossEntropy(p, codes, labels, 4, SMALL);
        sd.identity("check_loss", ce);
        INDArray y = Nd4j.create(new double[][]{{0, 1, 0, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}});
        assertPasses(sd, Map.of("labels", y));
    }

    @Test
    void logQAndEncoderToCodeTerms() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.var("z", rand(21, -2, 2, 3, 5));
        SDVariable codes = sd.var("codes", rand(22, 0, 1, 2, 3, 5));
        SDVariable f = sd.var("f", rand(23, 0, 1, 3, 5));
        SDVariable g = sd.var("g", rand(24, 0, 1, 3, 5));
        SDVariable lq = CodeLoss.logQ(sd, z, codes);
        SDVariable ti = CodeLoss.encoderToCode(sd, "loss_image_code", f, codes, 5);
        SDVariable ts = CodeLoss.encoderToCode(sd, "loss_sketch_code", g, codes, 5);
        sd.identity("check_loss", lq.add(ti.mul(1.3)).add(ts.mul(0.7)));
        assertPasses(sd, Map.of());
        // Values: log q = mean Σ b log σ(z) + (1-b) log(1-σ(z)); (1/2M) mean |f - b|².
        double lqExp = 0;
        double tiExp = 0;
        for (int k = 0; k < 2; k++) {
            for (int n = 0; n < 3; n++) {
                for (int m = 0; m < 5; m++) {
                    double pr = 1 / (1 + Math.exp(-z.getArr().getDouble(n, m)));
                    double b = codes.getArr().getDouble(k, n, m);
                    lqExp += b * Math.log(pr) + (1 - b) * Math.log(1 - pr);
                    tiExp += Math.pow(f.getArr().getDouble(n, m) - b, 2) / (2 * 5);
                }
            }
        }
        Map<String, INDArray> out = sd.output(Map.of(), "loss_log_q", "loss_image_code");
        assertEquals(lqExp / 6, out.get("loss_log_q").getDouble(0), 1e-10);
        assertEquals(tiExp / 6, out.get("loss_image_code").getDouble(0), 1e-10);
    }

    @Test
    void quantisationAndDecorrelationAblationLosses() {
        SameDiff sd = SameDiff.create();
        // Keep p away from 0.5, where round() jumps.
        INDArray pv = rand(25, 0.05, 0.45, 6, 5).addi(rand(26, 0, 1, 6, 5).gt(0.5).castTo(DataType.DOUBLE)
                .muli(0.5));
        SDVariable probs = sd.var("p", pv);
        SDVariable q = QuantizationLoss.quantization(sd, probs, 5);
        SDVariable d = QuantizationLoss.decorrelation(sd, probs, 5, DataType.DOUBLE);
        sd.identity("check_loss", q.add(d.mul(2.0)));
        assertPasses(sd, Map.of());
    }

    /**
     * The whole graph in its deterministic (quantisation) variant, all parameters: once with the paper's parts
     * (Kronecker, graph convolution, Gaussian decoder), once with the other three switches flipped.
     */
    @Test
    void wholeGraphDeterministicVariants() {
        ZsihConfig paper = SMALL.withMcSamples(1).withSwitches(ZsihConfig.Fusion.KRONECKER,
                ZsihConfig.Propagation.GRAPH_CONVOLUTION, ZsihConfig.Decoder.GAUSSIAN,
                ZsihConfig.Binarization.QUANTIZATION);
        ZsihConfig ablated = paper.withSwitches(ZsihConfig.Fusion.CONCATENATION,
                ZsihConfig.Propagation.FULLY_CONNECTED, ZsihConfig.Decoder.CLASSIFIER,
                ZsihConfig.Binarization.QUANTIZATION);
        ZsihConfig anchored = paper.withWidths(3, 10, 3, 7).withAnchorWeight(1.7);
        for (ZsihConfig cfg : List.of(paper, ablated, paper.withSemanticWeight(0.8), anchored)) {
            ZsihGraph g = ZsihGraph.build(cfg, 3, DataType.DOUBLE);
            Map<String, INDArray> ph = placeholders(cfg, g, 4, 30);
            g.sameDiff().identity("check_loss", g.sameDiff().getVariable(ZsihGraph.TOTAL));
            FiniteDifference.Result r = FiniteDifference.check(g.sameDiff(), "check_loss", ph,
                    g.parameterNames(), 3, 3);
            assertTrue(r.passed(), cfg.summary() + ": " + r);
        }
    }

    /**
     * The whole stochastic graph with ε fixed: the parameters downstream of the sample (decoder) or beside it (the
     * encoders' hash layers) get exact gradients; those upstream of b̃ get the estimator's gradient, checked above.
     */
    @Test
    void wholeGraphStochasticDownstreamParameters() {
        ZsihConfig cfg = SMALL;
        ZsihGraph g = ZsihGraph.build(cfg, 3, DataType.DOUBLE);
        Map<String, INDArray> ph = placeholders(cfg, g, 4, 40);
        g.sameDiff().identity("check_loss", g.sameDiff().getVariable(ZsihGraph.TOTAL));
        // Downstream of b̃ (decoder) or beside it (the hash layers feed only f(x), g(y)): exact gradients.
        List<String> exact = List.of("dec_mu_w", "dec_mu_b", "dec_logsigma_w", "dec_logsigma_b",
                "im_hash_w", "im_hash_b", "sk_hash_w", "sk_hash_b");
        FiniteDifference.Result r = FiniteDifference.check(g.sameDiff(), "check_loss", ph, exact, 4, 5);
        assertTrue(r.passed(), r.toString());
    }

    /** The anchor term's value is λ_a·(1/2M)(mean ‖f − f₀‖² + mean ‖g − g₀‖²), computed here by hand. */
    @Test
    void anchorTermValue() {
        ZsihConfig cfg = SMALL.withMcSamples(1).withWidths(3, 10, 3, 7).withAnchorWeight(2.5);
        ZsihGraph g = ZsihGraph.build(cfg, 3, DataType.DOUBLE);
        Map<String, INDArray> ph = placeholders(cfg, g, 4, 50);
        Map<String, INDArray> out = g.sameDiff().output(ph, ZsihGraph.IMAGE_OUT, ZsihGraph.SKETCH_OUT,
                ZsihGraph.IMAGE_ANCHOR, ZsihGraph.SKETCH_ANCHOR);
        for (String[] t : new String[][]{{ZsihGraph.IMAGE_OUT, ZsihGraph.ANCHOR_IMAGE, ZsihGraph.IMAGE_ANCHOR},
                {ZsihGraph.SKETCH_OUT, ZsihGraph.ANCHOR_SKETCH, ZsihGraph.SKETCH_ANCHOR}}) {
            INDArray d = out.get(t[0]).sub(ph.get(t[1]));
            double expected = d.mul(d).sumNumber().doubleValue() / 4 / (2.0 * cfg.bits());
            assertEquals(expected, out.get(t[2]).getDouble(0), 1e-12, t[2]);
        }
        assertTrue(g.lossTerms().contains(ZsihGraph.IMAGE_ANCHOR) && g.lossTerms().contains(ZsihGraph.SKETCH_ANCHOR));
        assertFalse(ZsihGraph.build(SMALL, 3, DataType.DOUBLE).sameDiff().hasVariable(ZsihGraph.ANCHOR_IMAGE),
                "no anchor placeholders without the term");
    }

    static Map<String, INDArray> placeholders(ZsihConfig cfg, ZsihGraph g, int n, long seed) {
        Map<String, INDArray> ph = new HashMap<>();
        long[] shape = {n, cfg.featureChannels(), cfg.featureHeight(), cfg.featureWidth()};
        ph.put(ZsihGraph.SKETCH_MAPS, rand(seed, 0, 1, shape));
        ph.put(ZsihGraph.IMAGE_MAPS, rand(seed + 1, 0, 1, shape));
        if (g.sameDiff().hasVariable(ZsihGraph.CLASS_VECTORS)) {
            ph.put(ZsihGraph.CLASS_VECTORS, rand(seed + 2, -1, 1, n, cfg.semanticDim()));
        }
        if (g.sameDiff().hasVariable(ZsihGraph.U)) {
            ph.put(ZsihGraph.U, rand(seed + 3, 0, 1, cfg.mcSamples(), n, cfg.bits()));
        }
        if (g.sameDiff().hasVariable(ZsihGraph.ENTROPY_WEIGHT)) {
            ph.put(ZsihGraph.ENTROPY_WEIGHT, Nd4j.scalar(DataType.DOUBLE, cfg.entropyWeight()));
        }
        if (g.sameDiff().hasVariable(ZsihGraph.ANCHOR_IMAGE)) {
            ph.put(ZsihGraph.ANCHOR_IMAGE, rand(seed + 4, 0, 1, n, cfg.bits()));
            ph.put(ZsihGraph.ANCHOR_SKETCH, rand(seed + 5, 0, 1, n, cfg.bits()));
        }
        if (g.sameDiff().hasVariable(ZsihGraph.LABELS)) {
            INDArray y = Nd4j.create(DataType.DOUBLE, n, g.numClasses());
            for (int i = 0; i < n; i++) {
                y.putScalar(i, i % g.numClasses(), 1.0);
            }
            ph.put(ZsihGraph.LABELS, y);
        }
        return ph;
    }
}
