package org.sketchfind.engine;

import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.data.Rasterizer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A sketch as drawn: strokes of points in any pixel coordinates (the engine's rasterizer centres and scales the
 * drawing, so only the shape matters). The app's canvas gives its strokes this way. What a search encodes is
 * {@link #raster()}: the strokes fitted to 224 × 224 pixels and drawn 3 pixels wide (the width the models were
 * trained on), whatever pen width they were drawn with.
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

    /**
     * The image a search encodes: black strokes on white, fitted to the backbone's 224 × 224 input with a margin
     * and drawn at the one line width the models were trained with. An IllegalArgumentException when empty.
     */
    public BufferedImage raster() {
        return Rasterizer.defaults().renderRgb(drawing());
    }

    /** The line width of {@link #raster()} in pixels of its 224-pixel image. */
    public static double rasterLineWidth() {
        return Rasterizer.DEFAULT_LINE_WIDTH;
    }

    /** The size in pixels of {@link #raster()}'s square image. */
    public static int rasterSize() {
        return Rasterizer.DEFAULT_SIZE;
    }

    Drawing drawing() {
        List<org.sketchfind.engine.data.Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke s : strokes) {
            out.add(new org.sketchfind.engine.data.Stroke(s.xs(), s.ys()));
        }
        return new Drawing(out);
    }
}
