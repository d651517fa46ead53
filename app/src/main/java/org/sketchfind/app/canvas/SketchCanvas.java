package org.sketchfind.app.canvas;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drawing surface: a mouse/pen drag is one stroke. Keeps the strokes as point lists in canvas coordinates
 * (the engine's rasterizer fits them to the backbone's input, so the canvas size does not matter), with undo and
 * clear. Calls the listener after every completed stroke, undo or clear.
 */
public final class SketchCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final List<List<double[]>> strokes = new ArrayList<>();
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper(this, "strokeCount", 0);
    private List<double[]> current;
    private Consumer<List<List<double[]>>> onSketchChanged = s -> { };
    private double lineWidth = 3.0;

    public SketchCanvas() {
        getStyleClass().add("sketch-canvas");
        setId("sketchCanvas");
        getChildren().add(canvas);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        setMinSize(200, 200);
        setPrefSize(520, 520);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        current = new ArrayList<>();
        current.add(new double[]{e.getX(), e.getY()});
        redraw();
    }

    private void dragged(MouseEvent e) {
        if (current == null) {
            return;
        }
        double[] last = current.get(current.size() - 1);
        if (Math.hypot(e.getX() - last[0], e.getY() - last[1]) >= 1.0) {
            current.add(new double[]{e.getX(), e.getY()});
            redraw();
        }
    }

    private void released(MouseEvent e) {
        if (current == null) {
            return;
        }
        strokes.add(current);
        current = null;
        changed();
    }

    /** Removes the last stroke; returns false if there was none. */
    public boolean undo() {
        if (strokes.isEmpty()) {
            return false;
        }
        strokes.remove(strokes.size() - 1);
        changed();
        return true;
    }

    public void clear() {
        strokes.clear();
        current = null;
        changed();
    }

    /** Replaces the drawing (e.g. a demo sketch loaded from a file). */
    public void setStrokes(List<List<double[]>> newStrokes) {
        strokes.clear();
        for (List<double[]> s : newStrokes) {
            strokes.add(new ArrayList<>(s));
        }
        changed();
    }

    /** A copy of the strokes, each a list of {x, y} points in canvas pixels. */
    public List<List<double[]>> strokes() {
        List<List<double[]>> copy = new ArrayList<>(strokes.size());
        for (List<double[]> s : strokes) {
            copy.add(List.copyOf(s));
        }
        return copy;
    }

    public ReadOnlyIntegerProperty strokeCountProperty() {
        return strokeCount.getReadOnlyProperty();
    }

    public void setOnSketchChanged(Consumer<List<List<double[]>>> listener) {
        this.onSketchChanged = listener == null ? s -> { } : listener;
    }

    public void setLineWidth(double width) {
        this.lineWidth = width;
        redraw();
    }

    private void changed() {
        strokeCount.set(strokes.size());
        redraw();
        onSketchChanged.accept(strokes());
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.rgb(20, 20, 20));
        g.setFill(Color.rgb(20, 20, 20));
        g.setLineWidth(lineWidth);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (List<double[]> s : strokes) {
            draw(g, s);
        }
        if (current != null) {
            draw(g, current);
        }
    }

    private void draw(GraphicsContext g, List<double[]> s) {
        if (s.size() == 1) {
            double[] p = s.get(0);
            g.fillOval(p[0] - lineWidth / 2, p[1] - lineWidth / 2, lineWidth, lineWidth);
            return;
        }
        g.beginPath();
        g.moveTo(s.get(0)[0], s.get(0)[1]);
        for (int i = 1; i < s.size(); i++) {
            g.lineTo(s.get(i)[0], s.get(i)[1]);
        }
        g.stroke();
    }
}
