package org.sketchfind.app.canvas;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
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
 * The drawing surface: a mouse/pen/touch drag is one stroke, or, in eraser mode, rubs out the parts of strokes it
 * passes over (a stroke cut in two becomes two). Keeps the strokes as point lists in canvas coordinates (the
 * engine's rasterizer fits them to the backbone's input, so the canvas size does not matter), each point with the
 * milliseconds since the drawing began (so a saved drawing can be replayed). Every change (stroke, erase, undo,
 * redo, clear, replacing the drawing) is one step of the undo history and calls the listener once.
 * Drawing can also be driven by code ({@link #beginStroke}), which the demo's replay uses. FX thread only.
 */
public final class SketchCanvas extends Region {
    /** Eraser radius in canvas pixels. */
    public static final double ERASER_RADIUS = 12;
    private final Canvas canvas = new Canvas();
    private final List<List<double[]>> strokes = new ArrayList<>();
    private final List<List<List<double[]>>> undo = new ArrayList<>();
    private final List<List<List<double[]>>> redo = new ArrayList<>();
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper(this, "strokeCount", 0);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final BooleanProperty eraser = new SimpleBooleanProperty(this, "eraser");
    private List<double[]> current;
    private List<List<double[]>> beforeErase;
    private double[] eraserAt;
    private long startNanos = -1;
    private Image backdrop;
    private Consumer<List<List<double[]>>> onSketchChanged = s -> { };
    private Runnable onInput = () -> { };
    private double lineWidth = 3.0;

    public SketchCanvas() {
        getStyleClass().add("sketch-canvas");
        setId("sketchCanvas");
        getChildren().add(canvas);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            eraserAt = null;
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (eraser.get()) {
                eraserAt = new double[]{e.getX(), e.getY()};
                redraw();
            }
        });
        eraser.addListener((o, a, b) -> {
            eraserAt = null;
            redraw();
        });
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
        onInput.run();
        if (eraser.get()) {
            beforeErase = copy(strokes);
            erase(e.getX(), e.getY());
        } else {
            beginStroke(e.getX(), e.getY());
        }
    }

    private void dragged(MouseEvent e) {
        if (beforeErase != null) {
            erase(e.getX(), e.getY());
        } else if (current != null) {
            extendStroke(e.getX(), e.getY());
        }
    }

    private void released(MouseEvent e) {
        if (beforeErase != null) {
            List<List<double[]>> before = beforeErase;
            beforeErase = null;
            if (!same(before, strokes)) {
                record(before);
                changed();
            }
        } else if (current != null) {
            endStroke();
        }
    }

    /** Starts a stroke at ({@code x}, {@code y}) in canvas pixels (the pen went down). */
    public void beginStroke(double x, double y) {
        if (backdrop != null) {
            backdrop = null; // drawing starts a new sketch over an image query
        }
        if (strokes.isEmpty()) {
            startNanos = System.nanoTime();
        }
        current = new ArrayList<>();
        current.add(point(x, y));
        redraw();
    }

    /** Adds a point to the stroke being drawn (ignored closer than a pixel to the last, or with no stroke). */
    public void extendStroke(double x, double y) {
        if (current == null) {
            return;
        }
        double[] last = current.get(current.size() - 1);
        if (Math.hypot(x - last[0], y - last[1]) >= 1.0) {
            current.add(point(x, y));
            redraw();
        }
    }

    /** Ends the stroke being drawn (the pen went up): one step of the history, the listener is called. */
    public void endStroke() {
        if (current == null) {
            return;
        }
        record(copy(strokes));
        strokes.add(current);
        current = null;
        changed();
    }

    private double[] point(double x, double y) {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        return new double[]{x, y, (System.nanoTime() - startNanos) / 1e6};
    }

    /** Cuts away every stroke point within {@link #ERASER_RADIUS} of ({@code x}, {@code y}). */
    private void erase(double x, double y) {
        eraserAt = new double[]{x, y};
        List<List<double[]>> out = new ArrayList<>();
        for (List<double[]> s : strokes) {
            List<double[]> piece = new ArrayList<>();
            for (double[] p : s) {
                if (Math.hypot(p[0] - x, p[1] - y) <= ERASER_RADIUS) {
                    if (!piece.isEmpty()) {
                        out.add(piece);
                        piece = new ArrayList<>();
                    }
                } else {
                    piece.add(p);
                }
            }
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        strokes.clear();
        strokes.addAll(out);
        strokeCount.set(strokes.size());
        redraw();
    }

    /** Goes one step back in the history; false if there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.add(copy(strokes));
        restore(undo.remove(undo.size() - 1));
        return true;
    }

    /** Goes one step forward again after {@link #undo()}; false if there is none. */
    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.add(copy(strokes));
        restore(redo.remove(redo.size() - 1));
        return true;
    }

    /** Removes every stroke (and an image query); undoable. */
    public void clear() {
        if (strokes.isEmpty() && current == null && backdrop == null) {
            return;
        }
        backdrop = null;
        record(copy(strokes));
        strokes.clear();
        current = null;
        changed();
    }

    /** Replaces the drawing (a sketch opened from a file, a replayed drawing); undoable. */
    public void setStrokes(List<List<double[]>> newStrokes) {
        record(copy(strokes));
        backdrop = null;
        strokes.clear();
        for (List<double[]> s : newStrokes) {
            strokes.add(new ArrayList<>(s));
        }
        current = null;
        changed();
    }

    /** Forgets the drawing and its history without an undo step (a reset: demo mode). */
    public void reset() {
        strokes.clear();
        undo.clear();
        redo.clear();
        current = null;
        backdrop = null;
        startNanos = -1;
        changed();
    }

    /**
     * Shows an image (an image query) in place of the drawing, which is cleared (undoable); drawing again removes
     * it. Null removes it.
     */
    public void showImage(Image image) {
        if (!strokes.isEmpty()) {
            record(copy(strokes));
            strokes.clear();
            strokeCount.set(0);
            updateHistory();
        }
        backdrop = image;
        redraw();
    }

    public boolean showsImage() {
        return backdrop != null;
    }

    private void restore(List<List<double[]>> state) {
        strokes.clear();
        strokes.addAll(state);
        current = null;
        backdrop = null;
        changed();
    }

    private void record(List<List<double[]>> before) {
        undo.add(before);
        redo.clear();
        if (undo.size() > 200) {
            undo.remove(0);
        }
    }

    /** A copy of the strokes, each a list of {x, y, ms since the drawing began} points in canvas pixels. */
    public List<List<double[]>> strokes() {
        return copy(strokes);
    }

    /** Whether a stroke is being drawn right now (pen down). */
    public boolean drawing() {
        return current != null;
    }

    public ReadOnlyIntegerProperty strokeCountProperty() {
        return strokeCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True: a drag rubs out instead of drawing. */
    public BooleanProperty eraserProperty() {
        return eraser;
    }

    public void setOnSketchChanged(Consumer<List<List<double[]>>> listener) {
        this.onSketchChanged = listener == null ? s -> { } : listener;
    }

    /** Called whenever a person presses on the canvas (before the stroke starts): demo mode's "someone is here". */
    public void setOnInput(Runnable r) {
        this.onInput = r == null ? () -> { } : r;
    }

    public void setLineWidth(double width) {
        this.lineWidth = width;
        redraw();
    }

    public double lineWidth() {
        return lineWidth;
    }

    private void changed() {
        strokeCount.set(strokes.size());
        if (strokes.isEmpty()) {
            startNanos = -1;
        }
        updateHistory();
        redraw();
        onSketchChanged.accept(strokes());
    }

    private void updateHistory() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private static List<List<double[]>> copy(List<List<double[]>> in) {
        List<List<double[]>> out = new ArrayList<>(in.size());
        for (List<double[]> s : in) {
            out.add(List.copyOf(s));
        }
        return out;
    }

    private static boolean same(List<List<double[]>> a, List<List<double[]>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).size() != b.get(i).size()) {
                return false;
            }
        }
        return true;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (backdrop != null) {
            double s = Math.min(canvas.getWidth() / backdrop.getWidth(), canvas.getHeight() / backdrop.getHeight());
            double w = backdrop.getWidth() * s;
            double h = backdrop.getHeight() * s;
            g.drawImage(backdrop, (canvas.getWidth() - w) / 2, (canvas.getHeight() - h) / 2, w, h);
        }
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
        if (eraser.get() && eraserAt != null) {
            g.setStroke(Color.rgb(200, 60, 60));
            g.setLineWidth(1.5);
            g.strokeOval(eraserAt[0] - ERASER_RADIUS, eraserAt[1] - ERASER_RADIUS, 2 * ERASER_RADIUS,
                    2 * ERASER_RADIUS);
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
