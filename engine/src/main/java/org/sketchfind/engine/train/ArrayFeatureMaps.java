package org.sketchfind.engine.train;

/** {@link FeatureMaps} held in memory as one float array per item. */
public final class ArrayFeatureMaps implements FeatureMaps {
    private final float[][] maps;
    private final int c;
    private final int h;
    private final int w;

    public ArrayFeatureMaps(float[][] maps, int channels, int height, int width) {
        this.maps = maps;
        this.c = channels;
        this.h = height;
        this.w = width;
        for (int i = 0; i < maps.length; i++) {
            if (maps[i] == null || maps[i].length != channels * height * width) {
                throw new IllegalArgumentException("feature map " + i + " is not " + channels + "x" + height + "x"
                        + width);
            }
        }
    }

    @Override
    public int size() {
        return maps.length;
    }

    @Override
    public int channels() {
        return c;
    }

    @Override
    public int height() {
        return h;
    }

    @Override
    public int width() {
        return w;
    }

    @Override
    public void copyTo(int item, float[] dst, int offset) {
        System.arraycopy(maps[item], 0, dst, offset, maps[item].length);
    }
}
