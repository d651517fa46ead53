package org.sketchfind.engine.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.model.GaussianDecoder;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.model.ZsihGraph;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder starts at the marginal fit of the real seen classes' GloVe vectors (src-test-data), and Adam's step
 * shrinks only for layers wider than the reference fan-in.
 */
class DecoderInitialisationTest {

    @Test
    void decoderStartsNearTheMarginalFitOfTheSeenClassVectors() throws Exception {
        TrainingData data = SketchyTestFeatures.load(1);
        float[][] vectors = data.classVectors();
        ZsihConfig cfg = TrainerTest.CFG;
        ZsihGraph graph = ZsihGraph.build(cfg, data.classNames().size(), DataType.FLOAT);
        AdamStep adam = new AdamStep(graph, 1e-3);
        Map<String, INDArray> params = adam.params();
        PairSampler sampler = new PairSampler(TrainerTest.items(data.trainSketches(), data.sketchClasses()),
                TrainerTest.items(data.trainPhotos(), data.photoClasses()), 8, 16, 3);
        Map<String, INDArray> feeds = Trainer.feeds(sampler.epoch(0).get(0), data, graph, 0, null);
        double before = decoderLoss(graph, feeds);

        GaussianDecoder.initialiseFromData(params, vectors);

        int d = vectors[0].length;
        double marginal = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] v : vectors) {
                mean += v[j];
            }
            mean /= vectors.length;
            double var = 0;
            for (float[] v : vectors) {
                var += (v[j] - mean) * (v[j] - mean);
            }
            double sigma = Math.sqrt(var / vectors.length);
            marginal += 0.5 * Math.log(2 * Math.PI) + Math.log(sigma) + 0.5;
            assertEquals(mean, params.get(GaussianDecoder.MU_BIAS).getDouble(0, j), 1e-5, "c_mu[" + j + "]");
            assertEquals(Math.log(sigma), params.get(GaussianDecoder.LOG_SIGMA_BIAS).getDouble(0, j), 1e-4,
                    "c_sigma[" + j + "]");
            INDArray col = params.get(GaussianDecoder.MU_WEIGHT).getColumn(j);
            double rms = Math.sqrt(col.mul(col).meanNumber().doubleValue());
            assertEquals(sigma / (2 * Math.sqrt(cfg.bits())), rms, 1e-4 * sigma, "RMS of W_mu column " + j);
        }
        assertEquals(0.0, params.get(GaussianDecoder.LOG_SIGMA_WEIGHT).amaxNumber().doubleValue(), "W_sigma = 0");

        double after = decoderLoss(graph, feeds);
        assertTrue(after < before, "NLL " + before + " -> " + after);
        // The random ±1 code times W_mu spreads mu by about sigma/2 per dimension: NLL ≈ marginal + D/8.
        assertTrue(after < marginal + 0.25 * d, "NLL " + after + " vs marginal fit " + marginal);
    }

    @Test
    void onlyLayersWiderThanTheReferenceTakeASmallerStep() {
        assertEquals(1.0, AdamStep.learningRateScale(new long[]{1, 65_536}), "a bias");
        assertEquals(1.0, AdamStep.learningRateScale(new long[]{1024, 64}), "Eq. 3's second layer");
        assertEquals(1.0, AdamStep.learningRateScale(new long[]{512, 256}), "an encoder layer");
        assertEquals(1.0 / 64, AdamStep.learningRateScale(new long[]{65_536, 1024}), "Eq. 3's first layer");
    }

    private static double decoderLoss(ZsihGraph graph, Map<String, INDArray> feeds) {
        return graph.sameDiff().output(feeds, List.of("loss_decoder")).get("loss_decoder").getDouble(0);
    }
}
