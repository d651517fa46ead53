package org.sketchfind.engine.features;


/** Selected rows of other feature maps (e.g. the seen-class items of a data set's cache), without copying. */
public final class FeatureMapsSubset implements FeatureMaps {
    private final FeatureMaps base;
    private final int[] rows;

    public FeatureMapsSubset(FeatureMaps base, int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= base.size()) {
                throw new IllegalArgumentException("row " + r + " outside 0.." + (base.size() - 1));
            }
        }
        this.base = base;
        this.rows = rows.clone();
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public int channels() {
        return base.channels();
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public void copyTo(int item, float[] dst, int offset) {
        base.copyTo(rows[item], dst, offset);
    }
}
