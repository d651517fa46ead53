package org.sketchfind.engine;

/**
 * The engine's facade: the one entry point the app and the command line use. It hands out one service per
 * part of the paper's pipeline; the app never reaches past it into {@code model}, {@code train} or
 * {@code index} internals.
 */
public final class Sketchfind {
    private org.sketchfind.engine.model.FeatureExtractor featureExtractor;

    public Sketchfind() {
    }

    /**
     * The pretrained SqueezeNet backbone's feature extractor (pooled 512-d features, batches of 32), loaded on
     * first use from the default weights folder.
     *
     * @throws java.io.IOException if the weights are missing or fail their checksums
     */
    public synchronized org.sketchfind.engine.model.FeatureExtractor featureExtractor() throws java.io.IOException {
        if (featureExtractor == null) {
            featureExtractor = new org.sketchfind.engine.model.FeatureExtractor(
                    org.sketchfind.engine.model.SqueezeNet.load());
        }
        return featureExtractor;
    }
}
