package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ridge regression to GloVe on real pixel features of the seen src-test-data images (40 per modality, 256-d). */
class RidgeSemanticBaselineTest {

    /** ‖Ŷ − Y‖_F / ‖Y − Ȳ‖_F. */
    static double relativeResidual(float[][] pred, float[][] y) {
        int k = y[0].length;
        double[] mean = new double[k];
        for (float[] row : y) {
            for (int j = 0; j < k; j++) {
                mean[j] += row[j] / (double) y.length;
            }
        }
        double num = 0, den = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < k; j++) {
                num += Math.pow(pred[i][j] - y[i][j], 2);
                den += Math.pow(y[i][j] - mean[j], 2);
            }
        }
        return Math.sqrt(num / den);
    }

    /** Mean cosine between each prediction and its item's true class vector. */
    static double meanCosineToClass(float[][] pred, int[] labels, float[][] classVectors) {
        double s = 0;
        for (int i = 0; i < pred.length; i++) {
            float[] a = pred[i], b = classVectors[labels[i]];
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < a.length; j++) {
                dot += a[j] * b[j];
                na += a[j] * a[j];
                nb += b[j] * b[j];
            }
            s += dot / Math.sqrt(na * nb);
        }
        return s / pred.length;
    }

    @Test
    void tinyLambdaInterpolatesTheTrainingTargetsButGeneralisesWorseThanTheChosenLambda() throws IOException {
        FeatureSet seen = PixelFeatures.seen();
        RidgeSemanticBaseline b = new RidgeSemanticBaseline(3);
        b.fit(TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses()));
        double chosen = b.chosenLambda();
        System.out.printf(Locale.ROOT, "ridge: validation classes %s, selection %s, chosen λ %g%n",
                b.validationClasses(), b.selection(), chosen);
        assertEquals(RidgeSemanticBaseline.DEFAULT_GRID.length, b.selection().size());
        assertTrue(chosen > RidgeSemanticBaseline.DEFAULT_GRID[0], "the chosen λ is not the vanishing one");

        // 40 sketches in 256 dimensions: with λ → 0 the regression interpolates the training targets
        float[][] y = RidgeSemanticBaseline.targets(seen, seen.sketchLabels());
        Ridge all = Ridge.fit(seen.sketches(), y);
        double tinyTrain = relativeResidual(all.solve(1e-8).predict(seen.sketches()), y);
        double chosenTrain = relativeResidual(all.solve(chosen).predict(seen.sketches()), y);
        System.out.printf(Locale.ROOT, "ridge training residual: λ=1e-8 %.2e, chosen %.3f%n", tinyTrain, chosenTrain);
        assertTrue(tinyTrain < 1e-3, "λ→0 should fit the training targets: " + tinyTrain);
        assertTrue(chosenTrain > 10 * tinyTrain);

        // generalisation to held-out SEEN classes (no unseen data involved): fit on the other seen classes and
        // compare how close the projections of the held-out items come to their own class vectors
        Set<String> val = new HashSet<>(b.validationClasses());
        Set<String> fitNames = new HashSet<>(seen.classesWithItems());
        fitNames.removeAll(val);
        FeatureSet fitSet = seen.onlyClasses(fitNames), valSet = seen.onlyClasses(val);
        double[] cosTiny = new double[2], cosChosen = new double[2];
        for (int m = 0; m < 2; m++) {
            float[][] xf = m == 0 ? fitSet.sketches() : fitSet.photos();
            int[] lf = m == 0 ? fitSet.sketchLabels() : fitSet.photoLabels();
            float[][] xv = m == 0 ? valSet.sketches() : valSet.photos();
            int[] lv = m == 0 ? valSet.sketchLabels() : valSet.photoLabels();
            Ridge r = Ridge.fit(xf, RidgeSemanticBaseline.targets(fitSet, lf));
            cosTiny[m] = meanCosineToClass(r.solve(1e-8).predict(xv), lv, valSet.classVectors());
            cosChosen[m] = meanCosineToClass(r.solve(chosen).predict(xv), lv, valSet.classVectors());
        }
        System.out.printf(Locale.ROOT, "held-out seen classes, cosine to class vector: sketches λ=1e-8 %.3f chosen "
                + "%.3f; photos %.3f / %.3f%n", cosTiny[0], cosChosen[0], cosTiny[1], cosChosen[1]);
        assertTrue(cosChosen[0] + cosChosen[1] > cosTiny[0] + cosTiny[1],
                "the chosen λ should generalise better than λ→0");
    }

    @Test
    void selectsOnSeenClassesOnlyAndEmbedsIntoTheWordSpace() throws IOException {
        FeatureSet seen = PixelFeatures.seen();
        RidgeSemanticBaseline b = new RidgeSemanticBaseline(1);
        assertThrows(IllegalStateException.class, () -> b.embedSketches(seen.sketches()));
        b.fit(TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses()));
        assertEquals(2, b.validationClasses().size(), "a quarter of 8 seen classes");
        for (String c : b.validationClasses()) {
            assertTrue(seen.classesWithItems().contains(c), c);
            assertFalse(PixelFeatures.unseenClasses().contains(c), c);
        }
        FeatureSet unseen = PixelFeatures.unseen();
        Embedded.Real q = (Embedded.Real) b.embedSketches(unseen.sketches());
        Embedded.Real g = (Embedded.Real) b.embedPhotos(unseen.photos());
        assertEquals(10, q.size());
        assertEquals(100, q.vectors()[0].length, "GloVe 100-d space");
        assertEquals(100, g.vectors()[0].length);
        // different seeds hold out different classes (the split is seeded, not fixed)
        RidgeSemanticBaseline other = new RidgeSemanticBaseline(2);
        other.fit(TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses()));
        RidgeSemanticBaseline same = new RidgeSemanticBaseline(1);
        same.fit(TrainingFeatures.seenOnly(seen, PixelFeatures.unseenClasses()));
        assertEquals(b.validationClasses(), same.validationClasses());
        assertEquals(b.chosenLambda(), same.chosenLambda());
        assertFalse(b.validationClasses().equals(other.validationClasses()),
                "seeds 1 and 2 hold out the same classes " + b.validationClasses());
    }
}
