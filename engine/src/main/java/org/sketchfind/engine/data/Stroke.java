package org.sketchfind.engine.data;

import java.util.Arrays;

/**
 * One pen stroke: points (xs[i], ys[i]) in drawing order, in any coordinate scale (Quick, Draw! simplified uses a
 * 0–255 box, raw uses screen pixels, the app's canvas its own pixels), y pointing down; optionally the time of each
 * point in milliseconds ({@code ts}, from Quick, Draw! raw files or the app's canvas).
 */
public final class Stroke {
    private final float[] xs;
    private final float[] ys;
    private final float[] ts;

    /** A stroke without timing. */
    public Stroke(float[] xs, float[] ys) {
        this(xs, ys, null);
    }

    /**
     * @param ts point times, or null when not known
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold a non-finite value
     */
    public Stroke(float[] xs, float[] ys, float[] ts) {
        if (xs == null || ys == null) {
            throw new IllegalArgumentException("stroke without x or y coordinates");
        }
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("stroke has " + xs.length + " x but " + ys.length + " y coordinates");
        }
        if (ts != null && ts.length != xs.length) {
            throw new IllegalArgumentException("stroke has " + xs.length + " points but " + ts.length + " times");
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("stroke has no points");
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Float.isFinite(xs[i]) || !Float.isFinite(ys[i])) {
                throw new IllegalArgumentException("stroke point " + i + " is not a finite number");
            }
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.ts = ts == null ? null : ts.clone();
    }

    public int size() {
        return xs.length;
    }

    public float x(int i) {
        return xs[i];
    }

    public float y(int i) {
        return ys[i];
    }

    /** A copy of the x coordinates. */
    public float[] xs() {
        return xs.clone();
    }

    /** A copy of the y coordinates. */
    public float[] ys() {
        return ys.clone();
    }

    public boolean hasTimes() {
        return ts != null;
    }

    /** A copy of the point times, or null when the stroke has none. */
    public float[] ts() {
        return ts == null ? null : ts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stroke s && Arrays.equals(xs, s.xs) && Arrays.equals(ys, s.ys) && Arrays.equals(ts, s.ts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(xs) + Arrays.hashCode(ys)) + Arrays.hashCode(ts);
    }

    @Override
    public String toString() {
        return "Stroke[" + xs.length + " points" + (ts != null ? ", timed" : "") + "]";
    }
}
