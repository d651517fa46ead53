package org.sketchfind.engine;

/**
 * Progress of a stage of research work (feature caching, evaluation, paper tables, t-SNE, fitting ITQ).
 *
 * @param stage     what runs, in words (e.g. "backbone features of photos", "t-SNE")
 * @param done      units done (images, queries, iterations)
 * @param total     units in the stage
 * @param perSecond units per second so far (0 when unknown)
 */
public record Progress(String stage, long done, long total, double perSecond) {
    /** Done / total in 0..1 (1 for an empty stage). */
    public double fraction() {
        return total <= 0 ? 1 : Math.min(1, (double) done / total);
    }
}
