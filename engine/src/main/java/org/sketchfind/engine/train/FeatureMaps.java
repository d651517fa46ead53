package org.sketchfind.engine.train;

/**
 * Cached backbone feature maps, one [C, H, W] float map per item, addressed by item index. The seam for the feature
 * cache: {@link ArrayFeatureMaps} holds them in memory; a memory-mapped cache of real SqueezeNet maps can implement
 * the same interface.
 */
public interface FeatureMaps {
    int size();

    int channels();

    int height();

    int width();

    /** Copies item {@code item}'s map (C·H·W floats, C order) into {@code dst} at {@code offset}. */
    void copyTo(int item, float[] dst, int offset);

    default int mapLength() {
        return channels() * height() * width();
    }
}
