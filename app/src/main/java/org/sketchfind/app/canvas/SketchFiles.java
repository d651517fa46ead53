package org.sketchfind.app.canvas;

import org.sketchfind.engine.RecordedSketch;
import org.sketchfind.engine.Sketch;

import java.util.ArrayList;
import java.util.List;

/**
 * The canvas's strokes as the engine's {@link RecordedSketch} (Quick, Draw! ndjson with the time of every point)
 * and back, fitted into a canvas of a given size.
 */
public final class SketchFiles {
    private SketchFiles() {
    }

    /** Canvas strokes ({x, y, ms} points) as a recorded drawing named {@code word}. */
    public static RecordedSketch toRecorded(List<List<double[]>> strokes, String word) {
        List<List<double[]>> xy = new ArrayList<>();
        List<float[]> times = new ArrayList<>();
        boolean timed = true;
        for (List<double[]> s : strokes) {
            if (s.isEmpty()) {
                continue;
            }
            xy.add(s);
            float[] t = new float[s.size()];
            for (int i = 0; i < t.length; i++) {
                timed &= s.get(i).length > 2;
                t[i] = s.get(i).length > 2 ? (float) s.get(i)[2] : 0f;
            }
            times.add(t);
        }
        return new RecordedSketch(word, Sketch.ofPoints(xy), timed ? times : List.of());
    }

    /**
     * A recorded drawing as canvas strokes, scaled (aspect kept) and centred to fit {@code width × height} with a
     * margin of {@code margin} (fraction of the smaller side) on every side; times kept where recorded.
     */
    public static List<List<double[]>> toStrokes(RecordedSketch d, double width, double height, double margin) {
        Fit fit = Fit.of(d.sketch(), width, height, margin);
        List<List<double[]>> out = new ArrayList<>();
        for (int i = 0; i < d.sketch().strokes().size(); i++) {
            Sketch.Stroke s = d.sketch().strokes().get(i);
            List<double[]> pts = new ArrayList<>(s.xs().length);
            for (int k = 0; k < s.xs().length; k++) {
                double t = d.timed() ? d.times().get(i)[k] : 0;
                pts.add(new double[]{fit.x(s.xs()[k]), fit.y(s.ys()[k]), t});
            }
            out.add(pts);
        }
        return out;
    }

    /** A scale and offset that fit a drawing's bounding box into a rectangle. */
    public record Fit(double scale, double dx, double dy) {
        public double x(double x) {
            return x * scale + dx;
        }

        public double y(double y) {
            return y * scale + dy;
        }

        public static Fit of(Sketch sketch, double width, double height, double margin) {
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (Sketch.Stroke s : sketch.strokes()) {
                for (int k = 0; k < s.xs().length; k++) {
                    minX = Math.min(minX, s.xs()[k]);
                    maxX = Math.max(maxX, s.xs()[k]);
                    minY = Math.min(minY, s.ys()[k]);
                    maxY = Math.max(maxY, s.ys()[k]);
                }
            }
            double pad = Math.min(width, height) * margin;
            double w = Math.max(1e-6, maxX - minX);
            double h = Math.max(1e-6, maxY - minY);
            double scale = Math.min((width - 2 * pad) / w, (height - 2 * pad) / h);
            double dx = (width - w * scale) / 2 - minX * scale;
            double dy = (height - h * scale) / 2 - minY * scale;
            return new Fit(scale, dx, dy);
        }
    }
}
