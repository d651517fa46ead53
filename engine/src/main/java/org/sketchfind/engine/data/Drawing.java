package org.sketchfind.engine.data;

import java.util.List;

/**
 * A sketch as strokes: the one stroke model for the app's canvas and Quick, Draw! files. Turned into a sketch
 * image by {@link Rasterizer}.
 */
public record Drawing(List<Stroke> strokes) {
    public Drawing {
        if (strokes == null) {
            throw new IllegalArgumentException("drawing without strokes list");
        }
        for (Stroke s : strokes) {
            if (s == null) {
                throw new IllegalArgumentException("drawing holds a null stroke");
            }
        }
        strokes = List.copyOf(strokes);
    }

    public static Drawing of(Stroke... strokes) {
        return new Drawing(List.of(strokes));
    }

    /** Total number of points over all strokes. */
    public int pointCount() {
        int n = 0;
        for (Stroke s : strokes) {
            n += s.size();
        }
        return n;
    }

    /** True when the drawing has no point to draw. */
    public boolean isEmpty() {
        return pointCount() == 0;
    }

    /** Bounding box {minX, minY, maxX, maxY} of all points; throws if empty. */
    public float[] bounds() {
        if (isEmpty()) {
            throw new IllegalArgumentException("empty drawing: no points");
        }
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (Stroke s : strokes) {
            for (int i = 0; i < s.size(); i++) {
                minX = Math.min(minX, s.x(i));
                maxX = Math.max(maxX, s.x(i));
                minY = Math.min(minY, s.y(i));
                maxY = Math.max(maxY, s.y(i));
            }
        }
        return new float[]{minX, minY, maxX, maxY};
    }
}
