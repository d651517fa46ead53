package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph has the paper's sizes, and every ablation switch really changes it. */
class ZsihGraphTest {
    static final ZsihConfig SMALL = ZsihConfig.defaults().withBits(8).withBatchSize(4)
            .withFeatureShape(4, 2, 2).withWidths(3, 5, 4, 6).withSemanticDim(3);

    @Test
    void defaultGraphHasThePapersSizes() {
        ZsihConfig cfg = ZsihConfig.defaults();
        assertEquals(64, cfg.bits());
        assertEquals(250, cfg.batchSize());
        assertEquals(0.1, cfg.t());
        ZsihGraph g = ZsihGraph.build(cfg, 100, DataType.FLOAT);
        SameDiff sd = g.sameDiff();
        assertArrayEquals(new long[]{256, 256}, sd.getVariable("fuse_w_sk").getArr().shape(), "Eq. 2 W_sk");
        assertArrayEquals(new long[]{256, 256}, sd.getVariable("fuse_w_im").getArr().shape(), "Eq. 2 W_im");
        assertArrayEquals(new long[]{65_536, 1024}, sd.getVariable("gcn1_w").getArr().shape(), "Eq. 3 layer 1");
        assertArrayEquals(new long[]{1024, 64}, sd.getVariable("gcn2_w").getArr().shape(), "Eq. 3 layer 2");
        assertArrayEquals(new long[]{64, 100}, sd.getVariable("dec_mu_w").getArr().shape(), "Eq. 6 mu");
        assertArrayEquals(new long[]{512, 256}, sd.getVariable("im_fc_w").getArr().shape(), "f: 256-d feature");
        assertArrayEquals(new long[]{256, 64}, sd.getVariable("sk_hash_w").getArr().shape(), "g: M outputs");
        assertEquals(List.of("loss_decoder", "loss_log_q", "loss_image_code", "loss_sketch_code", "loss_total"),
                g.lossTerms());
        assertTrue(g.parameterCount() > 67_000_000L);
    }

    @Test
    void eachSwitchChangesTheGraph() {
        ZsihGraph paper = ZsihGraph.build(SMALL, 3, DataType.FLOAT);
        SameDiff p = paper.sameDiff();
        assertTrue(p.hasVariable("adjacency") && p.hasVariable(ZsihGraph.U) && p.hasVariable("dec_mu_w"));
        assertFalse(p.hasVariable(ZsihGraph.LABELS) || p.hasVariable("cls_w"));

        ZsihGraph concat = build(ZsihConfig.Fusion.CONCATENATION, ZsihConfig.Propagation.GRAPH_CONVOLUTION,
                ZsihConfig.Decoder.GAUSSIAN, ZsihConfig.Binarization.STOCHASTIC);
        assertArrayEquals(new long[]{16, 6}, paper.sameDiff().getVariable("gcn1_w").getArr().shape());
        assertArrayEquals(new long[]{8, 6}, concat.sameDiff().getVariable("gcn1_w").getArr().shape());

        ZsihGraph fc = build(ZsihConfig.Fusion.KRONECKER, ZsihConfig.Propagation.FULLY_CONNECTED,
                ZsihConfig.Decoder.GAUSSIAN, ZsihConfig.Binarization.STOCHASTIC);
        assertFalse(fc.sameDiff().hasVariable("adjacency"));

        ZsihGraph cls = build(ZsihConfig.Fusion.KRONECKER, ZsihConfig.Propagation.FULLY_CONNECTED,
                ZsihConfig.Decoder.CLASSIFIER, ZsihConfig.Binarization.STOCHASTIC);
        assertTrue(cls.sameDiff().hasVariable("cls_w") && cls.sameDiff().hasVariable(ZsihGraph.LABELS));
        assertFalse(cls.sameDiff().hasVariable("dec_mu_w"));
        assertFalse(cls.sameDiff().hasVariable(ZsihGraph.CLASS_VECTORS), "no semantics at all in this variant");

        ZsihGraph quant = build(ZsihConfig.Fusion.KRONECKER, ZsihConfig.Propagation.GRAPH_CONVOLUTION,
                ZsihConfig.Decoder.GAUSSIAN, ZsihConfig.Binarization.QUANTIZATION);
        assertFalse(quant.sameDiff().hasVariable(ZsihGraph.U));
        assertEquals(List.of("loss_decoder", "loss_quantization", "loss_decorrelation", "loss_image_code",
                "loss_sketch_code", "loss_total"), quant.lossTerms());
    }

    @Test
    void tChangesTheAdjacency() {
        INDArray s = ZsihGradientCheckTest.rand(3, -1, 1, 4, 3).castTo(DataType.FLOAT);
        INDArray a1 = adjacency(SMALL.withT(1.0), s);
        INDArray a01 = adjacency(SMALL.withT(0.1), s);
        INDArray aTiny = adjacency(SMALL.withT(1e-6), s);
        assertNotEquals(a1, a01);
        // t = 1e-6 and distinct class vectors: only the self-loops survive, Â = I.
        assertTrue(aTiny.equalsWithEps(org.nd4j.linalg.factory.Nd4j.eye(4).castTo(DataType.FLOAT), 1e-6));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withT(0));
    }

    @Test
    void betaWeightsTheEntropyTermOnlyAndRampsUpOverTheWarmUp() {
        ZsihGraph g = ZsihGraph.build(SMALL, 3, DataType.DOUBLE);
        Map<String, INDArray> ph = new java.util.HashMap<>(ZsihGradientCheckTest.placeholders(SMALL, g, 4, 7));
        List<String> terms = g.lossTerms();
        for (double beta : new double[]{0.0, 0.2, 1.0}) {
            ph.put(ZsihGraph.ENTROPY_WEIGHT, org.nd4j.linalg.factory.Nd4j.scalar(DataType.DOUBLE, beta));
            Map<String, INDArray> out = g.sameDiff().output(ph, terms.toArray(String[]::new));
            double logQ = out.get("loss_log_q").getDouble(0);
            assertTrue(logQ < 0, "log q of a sampled code is negative: " + logQ);
            double expected = out.get("loss_decoder").getDouble(0) + beta * logQ
                    + out.get("loss_image_code").getDouble(0) + out.get("loss_sketch_code").getDouble(0);
            assertEquals(expected, out.get(ZsihGraph.TOTAL).getDouble(0), 1e-9, "beta = " + beta);
        }

        ZsihConfig warm = SMALL.withEntropyWeight(0.2).withEntropyWarmupSteps(100);
        assertEquals(0.0, warm.entropyWeightAt(0));
        assertEquals(0.1, warm.entropyWeightAt(50), 1e-12);
        assertEquals(0.2, warm.entropyWeightAt(100));
        assertEquals(0.2, warm.entropyWeightAt(5000));
        assertEquals(1.0, SMALL.entropyWeightAt(0), "no warm-up: the paper's weight from the first step");
        assertThrows(IllegalArgumentException.class, () -> SMALL.withEntropyWeight(-1));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withEntropyWarmupSteps(-1));
        assertEquals(warm, warm.withBits(8), "a copy method keeps every other field");
        assertNotEquals(warm, SMALL);
    }

    @Test
    void semanticWeightAddsTheEncoderSideTermsOnlyWhenOn() {
        assertFalse(ZsihGraph.build(SMALL, 3, DataType.DOUBLE).lossTerms().contains(ZsihGraph.IMAGE_SEMANTIC),
                "the paper's graph has no encoder-side semantic term");
        ZsihConfig on = SMALL.withSemanticWeight(0.5);
        ZsihGraph g = ZsihGraph.build(on, 3, DataType.DOUBLE);
        assertTrue(g.lossTerms().containsAll(List.of(ZsihGraph.IMAGE_SEMANTIC, ZsihGraph.SKETCH_SEMANTIC)));
        Map<String, INDArray> ph = ZsihGradientCheckTest.placeholders(on, g, 4, 9);
        Map<String, INDArray> out = g.sameDiff().output(ph, g.lossTerms().toArray(String[]::new));
        double im = out.get(ZsihGraph.IMAGE_SEMANTIC).getDouble(0);
        double sk = out.get(ZsihGraph.SKETCH_SEMANTIC).getDouble(0);
        assertTrue(im > 0 && sk > 0 && im != sk, "each encoder is scored on its own codes: " + im + ", " + sk);
        double expected = out.get("loss_decoder").getDouble(0) + on.entropyWeight() * out.get("loss_log_q").getDouble(0)
                + out.get("loss_image_code").getDouble(0) + out.get("loss_sketch_code").getDouble(0)
                + 0.5 * (im + sk);
        assertEquals(expected, out.get(ZsihGraph.TOTAL).getDouble(0), 1e-9);
        assertNotEquals(SMALL.summary(), on.summary(), "the summary names the term");
        assertThrows(IllegalArgumentException.class, () -> SMALL.withSemanticWeight(-0.1));
        assertThrows(IllegalArgumentException.class, () -> on.withSwitches(ZsihConfig.Fusion.KRONECKER,
                ZsihConfig.Propagation.GRAPH_CONVOLUTION, ZsihConfig.Decoder.CLASSIFIER,
                ZsihConfig.Binarization.STOCHASTIC), "the classifier ablation has no decoder mean to read codes with");
    }

    static INDArray adjacency(ZsihConfig cfg, INDArray s) {
        SameDiff sd = SameDiff.create();
        SemanticGraph.normalizedAdjacency(sd, sd.placeHolder("s", DataType.FLOAT, -1, 3), cfg.t());
        return sd.output(Map.of("s", s), "adjacency").get("adjacency");
    }

    static ZsihGraph build(ZsihConfig.Fusion f, ZsihConfig.Propagation p, ZsihConfig.Decoder d,
                           ZsihConfig.Binarization b) {
        return ZsihGraph.build(SMALL.withSwitches(f, p, d, b), 3, DataType.FLOAT);
    }
}
