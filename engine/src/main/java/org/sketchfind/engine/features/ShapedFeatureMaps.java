package org.sketchfind.engine.features;


/**
 * Shared part of the {@link FeatureMaps} that own their items: the item count and the [C, H, W] shape fixed at
 * construction, and the item-index check.
 */
abstract class ShapedFeatureMaps implements FeatureMaps {
    private final int n;
    private final int c;
    private final int h;
    private final int w;

    ShapedFeatureMaps(int n, int channels, int height, int width) {
        this.n = n;
        this.c = channels;
        this.h = height;
        this.w = width;
    }

    @Override
    public final int size() {
        return n;
    }

    @Override
    public final int channels() {
        return c;
    }

    @Override
    public final int height() {
        return h;
    }

    @Override
    public final int width() {
        return w;
    }

    /** Throws an IndexOutOfBoundsException unless {@code 0 <= item < size()}. */
    final void checkItem(int item) {
        if (item < 0 || item >= n) {
            throw new IndexOutOfBoundsException("item " + item + " of " + n);
        }
    }
}
