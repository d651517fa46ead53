package org.sketchfind.engine.model;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A model that maps photos (encoder f) and sketches (encoder g) into one Hamming space of {@link #bits()} bits.
 * Codes are {@code long[]} words as in {@link org.sketchfind.engine.code.Codes}. Implementations: the ZSIH
 * encoders ({@link ZsihHashingModel}) and the ImageNet-features + ITQ stand-in ({@link ItqBackboneModel}).
 * Not thread-safe: callers serialise calls (the catalogue's indexer calls from one thread).
 */
public interface HashingModel {
    /** Stable identifier: changes whenever the weights or the bit length change (codes are stored per id). */
    String id();

    /** Short human-readable name, e.g. "ZSIH 64-bit (Sketchy seen classes)". */
    String name();

    int bits();

    /** The frozen backbone whose features the encoders read. */
    Backbone backbone();

    /** The method, independent of the bit length (a row of a paper-style table), e.g. "ZSIH". */
    default String method() {
        return name();
    }

    long[][] encodePhotos(List<BufferedImage> photos);

    /** Codes of photos from their frozen-backbone feature maps [N,C,H,W] (computed once, e.g. cached). */
    long[][] encodePhotoMaps(org.nd4j.linalg.api.ndarray.INDArray maps);

    /** Codes of sketches from their frozen-backbone feature maps [N,C,H,W]. */
    long[][] encodeSketchMaps(org.nd4j.linalg.api.ndarray.INDArray maps);

    /** Sketches as images (black strokes on white), e.g. rasterized drawings. */
    long[][] encodeSketches(List<BufferedImage> sketches);

    /** Whether {@link #sketchMarginsFromMaps} gives real-valued sketch outputs (for asymmetric ranking). */
    default boolean hasSketchMargins() {
        return false;
    }

    /**
     * The sketch encoder's real-valued outputs minus the threshold of Eq. 9, [N][bits], for sketch feature maps: their
     * signs are {@link #encodeSketchMaps}'s bits ({@link org.sketchfind.engine.code.AsymmetricScore}).
     *
     * @throws UnsupportedOperationException where {@link #hasSketchMargins()} is false
     */
    default float[][] sketchMarginsFromMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        throw new UnsupportedOperationException(name() + " has no real-valued sketch outputs");
    }

    /** {@link #sketchMarginsFromMaps} of sketch images (black strokes on white). */
    default float[][] sketchMargins(List<BufferedImage> sketches) {
        throw new UnsupportedOperationException(name() + " has no real-valued sketch outputs");
    }

    /** Whether {@link #photoMarginsFromMaps} gives real-valued photo outputs (for real-valued ranking). */
    default boolean hasPhotoMargins() {
        return false;
    }

    /**
     * The image encoder's real-valued outputs minus the threshold of Eq. 9, [N][bits], for photo feature maps: their
     * signs are {@link #encodePhotoMaps}'s bits ({@link org.sketchfind.engine.code.CosineScore}).
     *
     * @throws UnsupportedOperationException where {@link #hasPhotoMargins()} is false
     */
    default float[][] photoMarginsFromMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        throw new UnsupportedOperationException(name() + " has no real-valued photo outputs");
    }

    /** {@link #photoMarginsFromMaps} of photos. */
    default float[][] photoMargins(List<BufferedImage> photos) {
        throw new UnsupportedOperationException(name() + " has no real-valued photo outputs");
    }
}
