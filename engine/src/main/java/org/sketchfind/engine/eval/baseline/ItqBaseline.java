package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.model.ItqHasher;

/**
 * The backbone features binarised with ITQ ({@link ItqHasher}; Gong &amp; Lazebnik 2011) to M bits: one ITQ model fitted on
 * the seen-class sketches and photos pooled together (both modalities share the code space), Hamming ranking. The
 * "ITQ" row of the ZSIH paper's Tables 1–2 in its unsupervised, single-model cross-modal form.
 */
public final class ItqBaseline implements Baseline {
    public static final String NAME = "itq";
    private final int bits;
    private final int iterations;
    private final long seed;
    private ItqHasher itq;

    public ItqBaseline(int bits, long seed) {
        this(bits, ItqHasher.DEFAULT_ITERATIONS, seed);
    }

    public ItqBaseline(int bits, int iterations, long seed) {
        org.sketchfind.engine.code.Codes.words(bits);
        this.bits = bits;
        this.iterations = iterations;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Integer bits() {
        return bits;
    }

    @Override
    public void fit(TrainingFeatures seenOnly) {
        itq = ItqHasher.fit(seenOnly.pooled(), bits, iterations, seed);
    }

    /** The fitted model (for saving or inspection). */
    public ItqHasher model() {
        if (itq == null) {
            throw new IllegalStateException(NAME + " is not fitted");
        }
        return itq;
    }

    @Override
    public Embedded embedSketches(float[][] features) {
        return new Embedded.Binary(model().encode(features), bits);
    }

    @Override
    public Embedded embedPhotos(float[][] features) {
        return new Embedded.Binary(model().encode(features), bits);
    }
}
