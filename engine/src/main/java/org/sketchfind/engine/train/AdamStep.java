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
 */
final class AdamStep {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

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
            Nd4j.exec(new AdamUpdater(g, v.get(n), m.get(n), lr, BETA1, BETA2, EPS, (int) iteration));
            params.get(n).subi(g);
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        for (String term : graph.lossTerms()) {
            losses.put(term, og.getOutputs().get(term).getDouble(0));
        }
        return losses;
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
