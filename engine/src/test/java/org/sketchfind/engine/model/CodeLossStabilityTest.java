package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * log q(b̃|x,y) of Eq. 7 must stay finite when the graph convolution's logits are large: real SqueezeNet features
 * gave logits in the hundreds at the first step, where libnd4j's softplus (e^x first) overflowed and made the loss NaN.
 */
class CodeLossStabilityTest {
    @Test
    void logQIsFiniteAndExactForHugeLogits() {
        SameDiff sd = SameDiff.create();
        float[] z = {-500f, -90f, -3f, 0f, 3f, 90f, 500f, 1000f};
        float[] b = {0f, 1f, 0f, 1f, 1f, 0f, 1f, 0f};
        SDVariable logits = sd.constant("z", Nd4j.create(z, new long[]{1, z.length}));
        SDVariable codes = sd.constant("b", Nd4j.create(b, new long[]{1, 1, z.length}));
        SDVariable logQ = CodeLoss.logQ(sd, logits, codes);
        INDArray out = sd.output(Map.of(), logQ.name()).get(logQ.name());
        double got = out.castTo(DataType.DOUBLE).getDouble(0);
        double expected = 0;
        for (int i = 0; i < z.length; i++) {
            // log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z), softplus(x) = max(x,0) + log1p(e^−|x|)
            expected += b[i] == 1 ? -softplus(-z[i]) : -softplus(z[i]);
        }
        assertTrue(Double.isFinite(got), "log q is finite: " + got);
        assertEquals(expected, got, 1e-3 * Math.abs(expected));
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
