package org.sketchfind.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A sketch as drawn: strokes of points in any pixel coordinates (the engine's rasterizer centres and scales the
 * drawing, so only the shape matters). The app's canvas gives its strokes this way.
 *
 * @param strokes in drawing order, each with at least one point
 */
public record Sketch(List<Stroke> strokes) {
    /** One pen-down-to-pen-up stroke: point i is ({@code xs[i]}, {@code ys[i]}). */
    public record Stroke(float[] xs, float[] ys) {
        public Stroke {
            if (xs.length != ys.length || xs.length == 0) {
                throw new IllegalArgumentException("a stroke needs one or more points with an x and a y each");
            }
            xs = xs.clone();
            ys = ys.clone();
        }
    }

    public Sketch {
        strokes = List.copyOf(strokes);
    }

    /** Strokes given as lists of {x, y} points; empty strokes are left out. */
    public static Sketch ofPoints(List<List<double[]>> strokes) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (List<double[]> s : strokes) {
            if (s.isEmpty()) {
                continue;
            }
            float[] xs = new float[s.size()];
            float[] ys = new float[s.size()];
            for (int i = 0; i < s.size(); i++) {
                xs[i] = (float) s.get(i)[0];
                ys[i] = (float) s.get(i)[1];
            }
            out.add(new Stroke(xs, ys));
        }
        return new Sketch(out);
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }
}
