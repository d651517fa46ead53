package org.sketchfind.engine.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sketchfind.engine.model.ModelManifest;
import org.sketchfind.engine.model.ZsihConfig;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model card names the loss terms the run actually had (real src-test-data classes and vectors). */
class ModelCardTest {
    static TrainingData data;

    @BeforeAll
    static void load() throws Exception {
        data = SketchyTestFeatures.load(1);
    }

    static String card(ZsihConfig c) {
        ModelManifest m = new ModelManifest(null, 0, c.bits(), c, data.classNames(), data.classVectors(), "test-split",
                "2026-11-22T00:00:00Z", 10, Map.of("validation_map_seen", 0.2), List.of(), "",
                data.backbone().name(), data.backbone().weightsSha256());
        return ModelCard.render(m, data, 1234, 5.0);
    }

    @Test
    void namesTheTermsOfTheRunAndOnlyThose() {
        String paper = card(TrainerTest.CFG);
        assertTrue(paper.contains("Weight of log q (beta) 0.2"), paper);
        assertFalse(paper.contains("semantic term"), "the paper's loss has no semantic term: " + paper);

        String semantic = card(TrainerTest.CFG.withSemanticWeight(100));
        assertTrue(semantic.contains("Encoder-side semantic term (not in the paper): weight 100"), semantic);

        ZsihConfig q = TrainerTest.CFG.withMcSamples(1).withSwitches(ZsihConfig.Fusion.KRONECKER,
                ZsihConfig.Propagation.GRAPH_CONVOLUTION, ZsihConfig.Decoder.GAUSSIAN,
                ZsihConfig.Binarization.QUANTIZATION);
        String quantised = card(q);
        assertFalse(quantised.contains("log q (beta)"), "deterministic codes have no log q: " + quantised);
        assertTrue(quantised.contains("quantisation loss weight 1") && quantised.contains("bit-decorrelation weight 1"),
                quantised);
    }
}
