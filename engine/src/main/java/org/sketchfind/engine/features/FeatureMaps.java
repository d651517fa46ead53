package org.sketchfind.engine.features;

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

    /** Item {@code item}'s map averaged over its H×W positions: the pooled C-dimensional backbone feature. */
    default float[] pooled(int item) {
        int c = channels();
        int hw = height() * width();
        float[] buf = new float[mapLength()];
        copyTo(item, buf, 0);
        float[] out = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int j = ch * hw, end = j + hw; j < end; j++) {
                sum += buf[j];
            }
            out[ch] = (float) (sum / hw);
        }
        return out;
    }

    /** {@link #pooled(int)} of every item. */
    default float[][] pooledAll() {
        float[][] out = new float[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pooled(i);
        }
        return out;
    }
}
