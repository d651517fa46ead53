package org.sketchfind.engine.eval.baseline;


import java.util.ArrayList;
import java.util.List;

/**
 * A linear zero-shot baseline in the spirit of the ZSIH paper's SAE row (Kodirov, Xiang &amp; Gong, "Semantic
 * Autoencoder for Zero-Shot Learning", CVPR 2017, whose encoder is a linear map from visual features to the class's
 * semantic vector): per modality a ridge regression ({@link Ridge}) from backbone features to the GloVe vector of the
 * item's class, fitted on seen classes. Queries and gallery are projected into the word-vector space and ranked by
 * cosine. Simplification: the SAE's decoder constraint (reconstructing x from the projection, a Sylvester equation)
 * is left out; this is its encoder-only, ridge-regularised limit.
 *
 * <p>λ is chosen on SEEN classes only: the seen classes are split (seeded) into fitting classes and held-out
 * validation classes (a quarter, at least one), a model is fitted per λ of the grid on the fitting classes, and the λ
 * with the best sketch→photo mAP@all among the held-out seen classes wins (ties: the larger λ). The final maps are
 * refitted on all seen classes with that λ. With fewer than three seen classes no hold-out is possible and
 * {@link #DEFAULT_LAMBDA} is used.
 */
public final class RidgeSemanticBaseline implements Baseline {
    public static final String NAME = "ridge-glove";
    /** Relative λ grid (units of the mean eigenvalue of XcᵀXc). */
    public static final double[] DEFAULT_GRID = {1e-8, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100};
    public static final double DEFAULT_LAMBDA = 1;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.25;

    /** One λ of the grid and its validation mAP@all on held-out seen classes. */
    public record Selection(double relativeLambda, double validationMap) {
    }

    private final long seed;
    private final double[] grid;
    private final double validationFraction;
    private List<Selection> selection = List.of();
    private List<String> validationClasses = List.of();
    private double chosen = Double.NaN;
    private Ridge.Solution sketchMap;
    private Ridge.Solution photoMap;

    public RidgeSemanticBaseline(long seed) {
        this(seed, DEFAULT_GRID, DEFAULT_VALIDATION_FRACTION);
    }

    public RidgeSemanticBaseline(long seed, double[] relativeLambdas, double validationFraction) {
        if (relativeLambdas.length == 0) {
            throw new IllegalArgumentException("empty λ grid");
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1): " + validationFraction);
        }
        this.seed = seed;
        this.grid = relativeLambdas.clone();
        java.util.Arrays.sort(this.grid);
        this.validationFraction = validationFraction;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Integer bits() {
        return null;
    }

    @Override
    public void fit(TrainingFeatures seenOnly) {
        FeatureSet f = seenOnly.features();
        if (f.sketches().length < 2 || f.photos().length < 2) {
            throw new IllegalArgumentException(NAME + " needs at least 2 sketches and 2 photos of seen classes");
        }
        selection = new ArrayList<>();
        chosen = DEFAULT_LAMBDA;
        SeenHoldOut holdOut = SeenHoldOut.split(seenOnly, seed, validationFraction);
        validationClasses = holdOut != null ? holdOut.validationClasses : List.of();
        if (holdOut != null) {
            FeatureSet fitSet = holdOut.fit, valSet = holdOut.validation;
            Ridge rs = Ridge.fit(fitSet.sketches(), targets(fitSet, fitSet.sketchLabels()));
            Ridge rp = Ridge.fit(fitSet.photos(), targets(fitSet, fitSet.photoLabels()));
            double best = Double.NEGATIVE_INFINITY;
            for (double lambda : grid) {
                double map = holdOut.map(NAME, rs.solve(lambda).predict(valSet.sketches()),
                        rp.solve(lambda).predict(valSet.photos()));
                selection.add(new Selection(lambda, map));
                if (map >= best) { // ascending grid: ties go to the larger λ
                    best = map;
                    chosen = lambda;
                }
            }
        }
        selection = List.copyOf(selection);
        sketchMap = Ridge.fit(f.sketches(), targets(f, f.sketchLabels())).solve(chosen);
        photoMap = Ridge.fit(f.photos(), targets(f, f.photoLabels())).solve(chosen);
    }

    static float[][] targets(FeatureSet f, int[] labels) {
        float[][] y = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            y[i] = f.classVectors()[labels[i]];
        }
        return y;
    }

    /** The λ grid with each λ's validation mAP (empty when no hold-out was possible). */
    public List<Selection> selection() {
        return selection;
    }

    /** The seen classes held out for choosing λ. */
    public List<String> validationClasses() {
        return validationClasses;
    }

    /** The chosen relative λ. */
    public double chosenLambda() {
        return chosen;
    }

    public Ridge.Solution sketchMap() {
        check();
        return sketchMap;
    }

    public Ridge.Solution photoMap() {
        check();
        return photoMap;
    }

    private void check() {
        if (sketchMap == null) {
            throw new IllegalStateException(NAME + " is not fitted");
        }
    }

    @Override
    public Embedded embedSketches(float[][] features) {
        return new Embedded.Real(sketchMap().predict(features));
    }

    @Override
    public Embedded embedPhotos(float[][] features) {
        return new Embedded.Real(photoMap().predict(features));
    }
}
