package org.sketchfind.engine.train;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.model.ZsihGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimisation step of the ZSIH graph: forward + backward ({@code calculateGradientsAndOutputs}: all loss terms
 * and all parameter gradients in one pass) and Adam (Kingma and Ba; β₁ 0.9, β₂ 0.999, ε 1e-8) applied with
 * libnd4j's fused {@code adam_updater} op. The Adam moments are kept here, not inside SameDiff, so that checkpoints
 * can save and restore them exactly.
 *
 * <p>Step size per weight matrix: lr · min(1, {@value #FAN_IN_REFERENCE}/fan-in). Adam moves every entry by about
 * lr whatever its gradient's scale, so a layer's output moves by about lr · Σ|x| per step, which grows with its fan-in.
 * Eq. 3's first layer reads the 65,536-d Kronecker feature: at the common lr its outputs jumped by ~10 in one step,
 * every code saturated and the run never recovered. Scaling Adam's step by 1/fan-in for wide layers is the rule of
 * μP (Yang et al. 2021, "Tuning large neural networks via zero-shot hyperparameter transfer"); here it only touches
 * layers wider than {@value #FAN_IN_REFERENCE} inputs, so in the paper's sizes only Eq. 3's first layer (×1/64).
 */
final class AdamStep {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;
    /** Fan-in up to which a weight matrix takes the full learning rate. */
    static final long FAN_IN_REFERENCE = 1024;

    private final ZsihGraph graph;
    private final double lr;
    private final List<String> names;
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();

    AdamStep(ZsihGraph graph, double learningRate) {
        this.graph = graph;
        this.lr = learningRate;
        this.names = graph.parameterNames();
        SameDiff sd = graph.sameDiff();
        for (String n : names) {
            INDArray p = sd.getVariable(n).getArr();
            params.put(n, p);
            m.put(n, Nd4j.zeros(DataType.FLOAT, p.shape()));
            v.put(n, Nd4j.zeros(DataType.FLOAT, p.shape()));
        }
    }

    /** Runs one step at 0-based Adam iteration {@code iteration}; returns every loss term (before the update). */
    Map<String, Double> run(Map<String, INDArray> feeds, long iteration) {
        OutAndGrad og = org.sketchfind.engine.model.StdoutToStderr.call(
                () -> graph.sameDiff().calculateGradientsAndOutputs(feeds, graph.lossTerms(), names));
        for (String n : names) {
            INDArray g = og.getGradients().get(n);
            double stepSize = lr * learningRateScale(params.get(n).shape());
            Nd4j.exec(new AdamUpdater(g, v.get(n), m.get(n), stepSize, BETA1, BETA2, EPS, (int) iteration));
            params.get(n).subi(g);
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        for (String term : graph.lossTerms()) {
            losses.put(term, og.getOutputs().get(term).getDouble(0));
        }
        return losses;
    }

    /** min(1, {@value #FAN_IN_REFERENCE}/fan-in) for a [fan-in, fan-out] weight; 1 for biases ([1, n]). */
    static double learningRateScale(long[] shape) {
        if (shape.length != 2 || shape[0] <= FAN_IN_REFERENCE) {
            return 1.0;
        }
        return (double) FAN_IN_REFERENCE / shape[0];
    }

    /** The live parameter arrays (updated in place). */
    Map<String, INDArray> params() {
        return params;
    }

    Map<String, INDArray> adamM() {
        return m;
    }

    Map<String, INDArray> adamV() {
        return v;
    }

    double learningRate() {
        return lr;
    }
}
