package org.sketchfind.app.demo;

import org.sketchfind.app.canvas.SketchCanvas;
import org.sketchfind.app.canvas.SketchFiles;
import org.sketchfind.engine.RecordedSketch;

import java.util.ArrayList;
import java.util.List;

/**
 * One drawing replayed onto a canvas stroke by stroke with its recorded timing: {@link #advance(double)} is given
 * the milliseconds since the replay began and draws every point recorded up to then, as a person's pen would (pen
 * down, moves, pen up: the canvas reports each finished stroke, so searches happen as they would for a person).
 * Pauses between strokes longer than {@link #MAX_GAP_MS} are shortened so that the replay keeps moving.
 */
final class Replay {
    static final double MAX_GAP_MS = 600;
    private final SketchCanvas canvas;
    private final String word;
    /** Per stroke: points {x, y, replay ms} in canvas pixels. */
    private final List<List<double[]>> strokes;
    private int stroke;
    private int point;

    Replay(RecordedSketch drawing, SketchCanvas canvas) {
        this.canvas = canvas;
        this.word = drawing.word();
        List<List<double[]>> fitted = SketchFiles.toStrokes(drawing, canvas.getWidth(), canvas.getHeight(), 0.1);
        strokes = new ArrayList<>();
        double shift = 0;
        double lastEnd = 0;
        for (List<double[]> s : fitted) {
            double start = s.get(0)[2] - shift;
            if (start - lastEnd > MAX_GAP_MS) {
                shift += start - lastEnd - MAX_GAP_MS;
            }
            List<double[]> out = new ArrayList<>();
            for (double[] p : s) {
                out.add(new double[]{p[0], p[1], Math.max(lastEnd, p[2] - shift)});
            }
            lastEnd = out.get(out.size() - 1)[2];
            strokes.add(out);
        }
    }

    String word() {
        return word;
    }

    /** Replay time of the last point. */
    double durationMillis() {
        List<double[]> last = strokes.get(strokes.size() - 1);
        return last.get(last.size() - 1)[2];
    }

    /** Draws everything recorded up to {@code millis}; returns true when the drawing is complete. */
    boolean advance(double millis) {
        while (stroke < strokes.size()) {
            List<double[]> s = strokes.get(stroke);
            while (point < s.size() && s.get(point)[2] <= millis) {
                double[] p = s.get(point);
                if (point == 0) {
                    canvas.beginStroke(p[0], p[1]);
                } else {
                    canvas.extendStroke(p[0], p[1]);
                }
                point++;
            }
            if (point < s.size()) {
                return false;
            }
            canvas.endStroke();
            stroke++;
            point = 0;
        }
        return true;
    }

    /** Lifts the pen mid-stroke (the replay is being abandoned). */
    void abandon() {
        stroke = strokes.size();
    }
}
