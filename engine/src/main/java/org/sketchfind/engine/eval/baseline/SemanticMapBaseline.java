package org.sketchfind.engine.eval.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shared part of the linear zero-shot baselines ({@link RidgeSemanticBaseline}, {@link SaeBaseline}): per modality a
 * linear map from backbone features to the word vector of the item's class, its relative λ chosen on SEEN classes
 * only (seeded split into fitting and held-out validation classes; the λ of the grid with the best sketch→photo
 * mAP@all on the held-out seen classes wins, ties to the larger λ; without a hold-out the default λ), then refitted on
 * all seen classes. Queries and gallery are mapped into the word-vector space and ranked by cosine.
 */
abstract class SemanticMapBaseline implements Baseline {
    /** One modality's fitted system, decomposed once and solved for any relative λ. */
    interface LambdaSolver {
        Ridge.Solution solve(double relativeLambda);
    }

    private final String name;
    private final long seed;
    private final double[] grid;
    private final double validationFraction;
    private final double defaultLambda;
    private List<RidgeSemanticBaseline.Selection> selection = List.of();
    private List<String> validationClasses = List.of();
    private double chosen = Double.NaN;
    private Ridge.Solution sketchMap;
    private Ridge.Solution photoMap;

    SemanticMapBaseline(String name, long seed, double[] relativeLambdas, double validationFraction,
                        double defaultLambda) {
        if (relativeLambdas.length == 0) {
            throw new IllegalArgumentException("empty λ grid");
        }
        this.name = name;
        this.seed = seed;
        this.grid = relativeLambdas.clone();
        Arrays.sort(this.grid);
        this.validationFraction = validationFraction;
        this.defaultLambda = defaultLambda;
    }

    /** The solver of one modality: {@code features} rows mapped to {@code targets} rows (class word vectors). */
    abstract LambdaSolver solver(float[][] features, float[][] targets);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Integer bits() {
        return null;
    }

    @Override
    public final void fit(TrainingFeatures seenOnly) {
        FeatureSet f = seenOnly.features();
        if (f.sketches().length < 2 || f.photos().length < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 sketches and 2 photos of seen classes");
        }
        List<RidgeSemanticBaseline.Selection> sel = new ArrayList<>();
        chosen = defaultLambda;
        SeenHoldOut holdOut = SeenHoldOut.split(seenOnly, seed, validationFraction);
        validationClasses = holdOut != null ? holdOut.validationClasses : List.of();
        if (holdOut != null) {
            FeatureSet fit = holdOut.fit, val = holdOut.validation;
            LambdaSolver ss = solver(fit.sketches(), targets(fit, fit.sketchLabels()));
            LambdaSolver sp = solver(fit.photos(), targets(fit, fit.photoLabels()));
            double best = Double.NEGATIVE_INFINITY;
            for (double lambda : grid) {
                double map = holdOut.map(name, ss.solve(lambda).predict(val.sketches()),
                        sp.solve(lambda).predict(val.photos()));
                sel.add(new RidgeSemanticBaseline.Selection(lambda, map));
                if (map >= best) { // ascending grid: ties go to the larger λ
                    best = map;
                    chosen = lambda;
                }
            }
        }
        selection = List.copyOf(sel);
        sketchMap = solver(f.sketches(), targets(f, f.sketchLabels())).solve(chosen);
        photoMap = solver(f.photos(), targets(f, f.photoLabels())).solve(chosen);
    }

    /** The word vector of each item's class. */
    static float[][] targets(FeatureSet f, int[] labels) {
        float[][] y = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            y[i] = f.classVectors()[labels[i]];
        }
        return y;
    }

    /** The λ grid with each λ's validation mAP on held-out seen classes (empty when no hold-out was possible). */
    public final List<RidgeSemanticBaseline.Selection> selection() {
        return selection;
    }

    /** The chosen relative λ. */
    public final double chosenLambda() {
        return chosen;
    }

    /** The seen classes held out for choosing λ. */
    final List<String> heldOutClasses() {
        return validationClasses;
    }

    /** The fitted sketch map (features → word space). */
    final Ridge.Solution fittedSketchMap() {
        if (sketchMap == null) {
            throw new IllegalStateException(name + " is not fitted");
        }
        return sketchMap;
    }

    /** The fitted photo map (features → word space). */
    final Ridge.Solution fittedPhotoMap() {
        if (photoMap == null) {
            throw new IllegalStateException(name + " is not fitted");
        }
        return photoMap;
    }

    @Override
    public final Embedded embedSketches(float[][] features) {
        return new Embedded.Real(fittedSketchMap().predict(features));
    }

    @Override
    public final Embedded embedPhotos(float[][] features) {
        return new Embedded.Real(fittedPhotoMap().predict(features));
    }
}
