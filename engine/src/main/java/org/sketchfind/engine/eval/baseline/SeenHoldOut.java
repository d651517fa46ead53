package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.eval.Evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded split of the SEEN classes into fitting classes and held-out validation classes, for choosing
 * hyper-parameters without touching unseen data: the held-out seen classes play the part of unseen ones.
 */
final class SeenHoldOut {
    final FeatureSet fit;
    final FeatureSet validation;
    final List<String> validationClasses;

    private SeenHoldOut(FeatureSet fit, FeatureSet validation, List<String> validationClasses) {
        this.fit = fit;
        this.validation = validation;
        this.validationClasses = validationClasses;
    }

    /**
     * Holds out {@code max(1, round(fraction · C))} of the C seen classes (seeded shuffle); {@code null} when fewer
     * than three classes or too few items on either side make a hold-out meaningless.
     */
    static SeenHoldOut split(TrainingFeatures train, long seed, double fraction) {
        List<String> classes = new ArrayList<>(train.seenClasses());
        if (classes.size() < 3) {
            return null;
        }
        Collections.shuffle(classes, new Random(seed));
        int nVal = Math.max(1, (int) Math.round(fraction * classes.size()));
        Set<String> val = new TreeSet<>(classes.subList(0, nVal));
        Set<String> fitNames = new TreeSet<>(classes.subList(nVal, classes.size()));
        FeatureSet f = train.features();
        FeatureSet fitSet = f.onlyClasses(fitNames), valSet = f.onlyClasses(val);
        if (fitSet.sketches().length < 2 || fitSet.photos().length < 2 || valSet.sketches().length == 0
                || valSet.photos().length == 0) {
            return null;
        }
        return new SeenHoldOut(fitSet, valSet, List.copyOf(val));
    }

    /** Sketch→photo mAP@all (cosine) of the held-out classes for the given projections of their items. */
    double map(String name, float[][] sketches, float[][] photos) {
        Evaluation.Options opt = Evaluation.Options.defaults()
                .withPrecisionK(Math.min(100, validation.photos().length)).withSplit("seen-validation");
        return Evaluation.cosine(name, sketches, validation.sketchLabels(), photos, validation.photoLabels(),
                validation.classNames(), opt).mapAll();
    }
}
