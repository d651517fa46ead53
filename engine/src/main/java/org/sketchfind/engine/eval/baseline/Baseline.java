package org.sketchfind.engine.eval.baseline;

/**
 * A retrieval baseline: fitted on seen-class features only ({@link TrainingFeatures}), then embeds query sketches and
 * gallery photos into one space, real-valued (cosine) or binary (Hamming). Fitting is deterministic for a fixed seed.
 * A baseline is fitted once; {@code embed…} before {@link #fit} throws {@link IllegalStateException}.
 */
public interface Baseline {

    /** Stable id, used as the report's model name and on the command line ({@code --baseline ID}). */
    String name();

    /** Code length, or {@code null} for a real-valued baseline. */
    Integer bits();

    /** Fits on seen-class items only. */
    void fit(TrainingFeatures seenOnly);

    /** Embeds query sketches (rows of backbone features). */
    Embedded embedSketches(float[][] features);

    /** Embeds gallery photos (rows of backbone features). */
    Embedded embedPhotos(float[][] features);
}
