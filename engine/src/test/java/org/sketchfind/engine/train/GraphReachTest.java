package org.sketchfind.engine.train;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.model.ZsihConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reach of Eq. 3's graph on the real GloVe class vectors of the src-test-data seen classes, and by hand. */
class GraphReachTest {

    @Test
    void twoClassesAtAKnownDistance() {
        double t = 3.0;
        float x = (float) Math.sqrt(t * Math.log(2));
        GraphReach r = GraphReach.of(new float[][]{{0, 0}, {x, 0}}, t, 4, 1);
        assertEquals(t * Math.log(2), r.medianNearestDistanceSq(), 1e-5);
        assertEquals(0.5, r.medianNearestWeight(), 1e-6);
        // a row's other-class pairs weigh 0.5 each against 1 per same-class pair: the share lies strictly between
        assertTrue(r.crossClassShare() > 0 && r.crossClassShare() < 0.5, "share " + r.crossClassShare());
    }

    @Test
    void onRealGloveVectorsTheShareGrowsWithTAndVanishesAtThePapersSmallestT() throws Exception {
        float[][] v = SketchyTestFeatures.load(0).classVectors();
        GraphReach none = GraphReach.of(v, 1e-6, 64, 7);
        assertEquals(0.0, none.crossClassShare(), "t = 1e-6: block-diagonal");
        assertTrue(none.describe().contains("block-diagonal"), none.describe());
        double previous = 0;
        for (double t : new double[]{1, 5, 10, 40, 1e9}) {
            double share = GraphReach.of(v, t, 64, 7).crossClassShare();
            assertTrue(share > previous, "t = " + t + ": " + share + " after " + previous);
            previous = share;
        }
        // t → ∞: every pair weighs 1, so the share is the fraction of a row's batch mates of other classes
        int n = v.length;
        double expectedSameMates = 1 + 63.0 / n;
        assertEquals(1 - expectedSameMates / 64, previous, 0.02);
        double d2 = GraphReach.of(v, 0.1, 64, 7).medianNearestDistanceSq();
        assertTrue(d2 > 0 && d2 < 4, "these vectors are unit length, so 0 < d² < 4: " + d2);
    }

    @Test
    void aRunWithoutTheGraphHasNoReach() throws Exception {
        float[][] v = SketchyTestFeatures.load(0).classVectors();
        ZsihConfig gcn = TrainerTest.CFG;
        assertEquals(GraphReach.of(v, gcn.t(), gcn.batchSize(), gcn.seed()), GraphReach.ofRun(gcn, v).orElseThrow());
        ZsihConfig fc = gcn.withSwitches(gcn.fusion(), ZsihConfig.Propagation.FULLY_CONNECTED, gcn.decoder(),
                gcn.binarization());
        assertTrue(GraphReach.ofRun(fc, v).isEmpty(), "the FC ablation has no graph to describe");
    }

    @Test
    void refusesDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> GraphReach.of(new float[][]{{1}}, 1, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> GraphReach.of(new float[][]{{1}, {2}}, 0, 4, 1));
    }
}
