package org.sketchfind.engine.eval.baseline;

/**
 * Baseline (a) of issue 5 and the "ImageNet features" reference of the ZSIH paper's tables (Shen et al., CVPR 2018):
 * the pretrained backbone's pooled features used as they are, sketches and photos ranked by cosine similarity. No
 * training: {@link #fit} only checks that it was handed seen-class features.
 */
public final class ImagenetCosine implements Baseline {
    public static final String NAME = "imagenet-cosine";
    private boolean fitted;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Integer bits() {
        return null;
    }

    /** Nothing to learn: {@code seenOnly} may be null (evaluation without a training set). */
    @Override
    public void fit(TrainingFeatures seenOnly) {
        fitted = true;
    }

    @Override
    public Embedded embedSketches(float[][] features) {
        return embed(features);
    }

    @Override
    public Embedded embedPhotos(float[][] features) {
        return embed(features);
    }

    private Embedded embed(float[][] features) {
        if (!fitted) {
            throw new IllegalStateException(NAME + " is not fitted");
        }
        return new Embedded.Real(features);
    }
}
