package org.sketchfind.engine.index;

import org.sketchfind.engine.code.Codes;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The seam between the catalogue and the models: turns photos into binary codes ({@link Codes} layout,
 * {@code long[]} words, bits beyond {@link #bits()} zero). Implementations: {@link AverageHashEncoder} (model-free),
 * later the backbone + ITQ encoder and the ZSIH image encoder f.
 *
 * <p>Codes are stored per {@link #modelId()}: two encoders with different ids never share codes, so switching the
 * active encoder re-encodes the collection. The id must change whenever the weights or the bit length change.
 */
public interface PhotoEncoder {
    /** Stable identifier of the model and its weights, e.g. {@code "ahash-64"} or {@code "zsih-64-<sha>"}. */
    String modelId();

    /** Code length M in bits (1..128 for the index). */
    int bits();

    /**
     * Encodes a batch. Returns one code per photo, in order, each {@code Codes.words(bits())} long. Called from one
     * engine thread at a time; photos are already decoded and oriented, at most a few hundred pixels per side.
     */
    List<long[]> encode(List<BufferedImage> photos);

    /**
     * Whether {@link #encodeWithOutputs} gives real-valued outputs beside the codes (the ZSIH image encoder's
     * {@code f(x) − 0.5}); the catalogue stores them and re-encodes photos it holds codes of but no outputs.
     */
    default boolean hasOutputs() {
        return false;
    }

    /**
     * {@link #encode} with each photo's real-valued outputs, {@link org.sketchfind.engine.code.CosineScore#quantize}d
     * ({@link #bits()} bytes), in one pass; outputs null where {@link #hasOutputs()} is false.
     */
    default Encoded encodeWithOutputs(List<BufferedImage> photos) {
        return new Encoded(encode(photos), null);
    }

    /** Codes, and their outputs in the same order or null. */
    record Encoded(List<long[]> codes, List<byte[]> outputs) {
    }

    /**
     * Makes the encoder ready (e.g. loads a model that was only described so far); called by a scan before it
     * encodes its first photo, never by a scan that has nothing to encode. A failure here fails the scan as a
     * whole (the photos are left for the next scan, not recorded as skipped); {@link #encode} failures are the
     * photos' own. Nothing to do by default.
     */
    default void load() throws java.io.IOException {
    }

    /** A name for people (status bars, reports); the id by default. */
    default String displayName() {
        return modelId();
    }
}
