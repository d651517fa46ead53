package org.sketchfind.app.canvas;

import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.data.Stroke;

import java.util.ArrayList;
import java.util.List;

/** Turns the canvas's strokes ({x, y} points in canvas pixels) into the engine's {@link Drawing}. */
public final class DrawingConverter {
    private DrawingConverter() {
    }

    public static Drawing toDrawing(List<List<double[]>> strokes) {
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
        return new Drawing(out);
    }
}
