package org.sketchfind.engine.eval.baseline;

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
public final class RidgeSemanticBaseline extends SemanticMapBaseline {
    public static final String NAME = "ridge-glove";
    /** Relative λ grid (units of the mean eigenvalue of XcᵀXc). */
    public static final double[] DEFAULT_GRID = {1e-8, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100};
    public static final double DEFAULT_LAMBDA = 1;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.25;

    /** One λ of the grid and its validation mAP@all on held-out seen classes. */
    public record Selection(double relativeLambda, double validationMap) {
    }

    public RidgeSemanticBaseline(long seed) {
        this(seed, DEFAULT_GRID, DEFAULT_VALIDATION_FRACTION);
    }

    public RidgeSemanticBaseline(long seed, double[] relativeLambdas, double validationFraction) {
        super(NAME, seed, relativeLambdas, validationFraction, DEFAULT_LAMBDA);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1): " + validationFraction);
        }
    }

    @Override
    LambdaSolver solver(float[][] features, float[][] targets) {
        return Ridge.fit(features, targets)::solve;
    }

    /** The seen classes held out for choosing λ. */
    public List<String> validationClasses() {
        return heldOutClasses();
    }

    public Ridge.Solution sketchMap() {
        return fittedSketchMap();
    }

    public Ridge.Solution photoMap() {
        return fittedPhotoMap();
    }
}
