package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The method name a ZSIH model file is listed under (paper-table rows, the app's model line, `encode --json`). */
class ZsihHashingModelTest {
    @Test
    void methodNamesTheAblationsAndTheSemanticTerm() {
        ZsihConfig paper = ZsihConfig.defaults();
        assertEquals("ZSIH", ZsihHashingModel.method(paper));
        ZsihConfig fc = paper.withSwitches(ZsihConfig.Fusion.KRONECKER, ZsihConfig.Propagation.FULLY_CONNECTED,
                ZsihConfig.Decoder.GAUSSIAN, ZsihConfig.Binarization.STOCHASTIC);
        assertEquals("ZSIH (graph convolution → fully-connected)", ZsihHashingModel.method(fc));
        assertEquals("ZSIH + encoder semantic term (λ = 100)",
                ZsihHashingModel.method(paper.withSemanticWeight(100)));
        assertEquals("ZSIH (graph convolution → fully-connected) + encoder semantic term (λ = 0.1)",
                ZsihHashingModel.method(fc.withSemanticWeight(0.1)));
    }
}
