package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.Report;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DSH-style hashing on real pixel features of the seen src-test-data images (8 classes, 40 per modality). */
class DshBaselineTest {

    private static DshBaseline.Config small(long seed) {
        return new DshBaseline.Config(128, 60, 32, 1e-3, 1.0, 0.1, 1e-4, seed);
    }

    @Test
    void lossFallsAndTrainingCodesSeparateSeenClasses() throws IOException {
        FeatureSet seen = PixelFeatures.seen();
        DshBaseline dsh = new DshBaseline(32, small(4));
        dsh.fit(TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses()));
        List<DshBaseline.EpochLoss> h = dsh.history();
        assertEquals(60, h.size());
        DshBaseline.EpochLoss first = h.get(0), last = h.get(h.size() - 1);
        System.out.printf(Locale.ROOT, "DSH 32 bits: %.2f s; loss %.4f (ce %.4f, align %.4f, quant %.4f) -> %.4f "
                        + "(ce %.4f, align %.4f, quant %.4f)%n", dsh.trainingSeconds(), first.total(),
                first.crossEntropy(), first.alignment(), first.quantisation(), last.total(), last.crossEntropy(),
                last.alignment(), last.quantisation());
        for (DshBaseline.EpochLoss e : h) {
            assertTrue(Double.isFinite(e.total()), "finite loss at epoch " + e.epoch());
        }
        assertTrue(last.total() < 0.5 * first.total(), "loss must fall: " + first.total() + " -> " + last.total());
        assertTrue(last.crossEntropy() < first.crossEntropy());

        // cross-modal retrieval on the training set: sketches query photos of the 8 seen classes
        Report r = Baselines.evaluate(dsh, seen, Evaluation.Options.defaults().withPrecisionK(5));
        double chance = 1.0 / seen.classNames().size();
        System.out.printf(Locale.ROOT, "DSH 32 bits training-set sketch->photo mAP %.4f (class prior %.3f)%n",
                r.mapAll(), chance);
        assertTrue(r.mapAll() > 3 * chance, "training codes should separate seen classes: mAP " + r.mapAll());
    }

    @Test
    void seededFitIsRepeatable() throws IOException {
        FeatureSet seen = PixelFeatures.seen();
        TrainingFeatures train = TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses());
        DshBaseline.Config cfg = small(9).withEpochs(5);
        DshBaseline a = new DshBaseline(64, cfg), b = new DshBaseline(64, cfg), c = new DshBaseline(64,
                cfg.withSeed(10));
        assertThrows(IllegalStateException.class, () -> a.embedSketches(seen.sketches()));
        a.fit(train);
        b.fit(train);
        c.fit(train);
        long[][] ca = ((Embedded.Binary) a.embedPhotos(seen.photos())).codes();
        long[][] cb = ((Embedded.Binary) b.embedPhotos(seen.photos())).codes();
        long[][] cc = ((Embedded.Binary) c.embedPhotos(seen.photos())).codes();
        assertArrayEquals(ca, cb, "same seed, same codes");
        assertFalse(Arrays.deepEquals(ca, cc), "another seed gives other codes");
        assertEquals(a.history(), b.history());
        Embedded.Binary q = (Embedded.Binary) a.embedSketches(PixelFeatures.unseen().sketches());
        assertEquals(64, q.bits());
        assertEquals(10, q.size());
        assertThrows(IllegalArgumentException.class, () -> a.embedSketches(new float[][]{new float[7]}));
    }
}
