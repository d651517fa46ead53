package org.sketchfind.engine.features;


/** {@link FeatureMaps} held in memory as one float array per item. */
public final class ArrayFeatureMaps extends ShapedFeatureMaps {
    private final float[][] maps;

    public ArrayFeatureMaps(float[][] maps, int channels, int height, int width) {
        super(maps.length, channels, height, width);
        this.maps = maps;
        for (int i = 0; i < maps.length; i++) {
            if (maps[i] == null || maps[i].length != channels * height * width) {
                throw new IllegalArgumentException("feature map " + i + " is not " + channels + "x" + height + "x"
                        + width);
            }
        }
    }

    @Override
    public void copyTo(int item, float[] dst, int offset) {
        System.arraycopy(maps[item], 0, dst, offset, maps[item].length);
    }
}
