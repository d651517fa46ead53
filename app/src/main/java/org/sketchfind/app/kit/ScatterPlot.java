package org.sketchfind.app.kit;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * A scatter plot of thousands of points on one canvas: each point belongs to a group drawn with its colour and
 * marker; groups can be hidden; the wheel zooms around the pointer, a drag pans, a double-click resets the view.
 * Hovering reports the nearest visible point within a few pixels (or -1), a click reports it. FX thread only.
 */
public final class ScatterPlot extends Region {
    /** Marker shapes. */
    public enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND }

    /** A group of points: how they are drawn and whether they are shown. */
    public static final class Group {
        final String name;
        final Color color;
        final Marker marker;
        boolean visible = true;

        public Group(String name, Color color, Marker marker) {
            this.name = name;
            this.color = color;
            this.marker = marker;
        }

        public String name() {
            return name;
        }

        public Color color() {
            return color;
        }

        public Marker marker() {
            return marker;
        }
    }

    private static final double HIT_RADIUS = 7;
    private final Canvas canvas = new Canvas();
    private final List<Group> groups = new ArrayList<>();
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private int[] groupOf = new int[0];
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double size = 6;
    private int hovered = -1;
    private int selected = -1;
    private Point2D dragFrom;
    private boolean dragged;
    private BiConsumer<Integer, Point2D> onHover = (i, p) -> { };
    private IntConsumer onClick = i -> { };

    public ScatterPlot() {
        getStyleClass().add("scatter-plot");
        getChildren().add(canvas);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(-1, null));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragFrom = new Point2D(e.getX(), e.getY());
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragFrom != null) {
                panX += e.getX() - dragFrom.getX();
                panY += e.getY() - dragFrom.getY();
                dragged |= dragFrom.distance(e.getX(), e.getY()) > 2;
                dragFrom = new Point2D(e.getX(), e.getY());
                redraw();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragFrom = null);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || dragged) {
                return;
            }
            if (e.getClickCount() == 2) {
                resetView();
                return;
            }
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) {
                selected = i;
                redraw();
                onClick.accept(i);
            }
        });
        setMinSize(200, 200);
        setPrefSize(640, 520);
    }

    /** Replaces groups and points: point i at ({@code x[i]}, {@code y[i]}) in group {@code group[i]}. */
    public void setData(List<Group> newGroups, double[] x, double[] y, int[] group) {
        groups.clear();
        groups.addAll(newGroups);
        xs = x.clone();
        ys = y.clone();
        groupOf = group.clone();
        minX = minY = Double.MAX_VALUE;
        maxX = maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        hovered = -1;
        selected = -1;
        resetView();
    }

    public List<Group> groups() {
        return List.copyOf(groups);
    }

    public void setGroupVisible(int group, boolean visible) {
        groups.get(group).visible = visible;
        if (hovered >= 0 && !groups.get(groupOf[hovered]).visible) {
            setHovered(-1, null);
        }
        redraw();
    }

    public boolean groupVisible(int group) {
        return groups.get(group).visible;
    }

    /** Back to the whole plot. */
    public void resetView() {
        zoom = 1;
        panX = 0;
        panY = 0;
        redraw();
    }

    /** Zooms by {@code factor} around ({@code cx}, {@code cy}) in plot pixels. */
    public void zoom(double factor, double cx, double cy) {
        double next = Math.max(0.5, Math.min(60, zoom * factor));
        double f = next / zoom;
        panX = cx - (cx - panX) * f;
        panY = cy - (cy - panY) * f;
        zoom = next;
        redraw();
    }

    public double zoomLevel() {
        return zoom;
    }

    public void setOnHover(BiConsumer<Integer, Point2D> handler) {
        onHover = handler;
    }

    public void setOnPointClicked(IntConsumer handler) {
        onClick = handler;
    }

    /** Where point {@code i} is drawn, in this region's coordinates. */
    public Point2D screenPosition(int i) {
        return new Point2D(sx(xs[i]), sy(ys[i]));
    }

    /** Points visible on screen now (in a shown group and inside the plot area). */
    public int visibleCount() {
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = sx(xs[i]);
            double y = sy(ys[i]);
            if (groups.get(groupOf[i]).visible && x >= 0 && y >= 0 && x <= getWidth() && y <= getHeight()) {
                n++;
            }
        }
        return n;
    }

    public int hovered() {
        return hovered;
    }

    /** The plot as an image (what is on screen, legend excluded). */
    public WritableImage snapshotImage() {
        return canvas.snapshot(null, null);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoom(e.getDeltaY() > 0 ? 1.2 : 1 / 1.2, e.getX(), e.getY());
        }
        e.consume();
    }

    private void hover(double x, double y) {
        int i = nearest(x, y);
        setHovered(i, i < 0 ? null : screenPosition(i));
    }

    private void setHovered(int i, Point2D at) {
        if (i != hovered) {
            hovered = i;
            redraw();
        }
        onHover.accept(i, at);
    }

    /** The visible point nearest to ({@code x}, {@code y}) within the hit radius, or -1. */
    public int nearest(double x, double y) {
        int best = -1;
        double bestD = HIT_RADIUS * HIT_RADIUS;
        for (int i = 0; i < xs.length; i++) {
            if (!groups.get(groupOf[i]).visible) {
                continue;
            }
            double dx = sx(xs[i]) - x;
            double dy = sy(ys[i]) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private double scale() {
        double w = Math.max(1e-9, maxX - minX);
        double h = Math.max(1e-9, maxY - minY);
        double pad = 24;
        return Math.min((getWidth() - 2 * pad) / w, (getHeight() - 2 * pad) / h);
    }

    private double sx(double x) {
        double s = scale();
        double base = (getWidth() - (maxX - minX) * s) / 2 + (x - minX) * s;
        return base * zoom + panX;
    }

    private double sy(double y) {
        double s = scale();
        double base = (getHeight() - (maxY - minY) * s) / 2 + (maxY - y) * s;
        return base * zoom + panY;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.rgb(220, 220, 220));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, canvas.getWidth() - 1, canvas.getHeight() - 1);
        for (int i = 0; i < xs.length; i++) {
            Group gr = groups.get(groupOf[i]);
            if (gr.visible) {
                marker(g, gr, sx(xs[i]), sy(ys[i]), size, 0.75);
            }
        }
        for (int i : new int[]{selected, hovered}) {
            if (i >= 0 && i < xs.length && groups.get(groupOf[i]).visible) {
                Group gr = groups.get(groupOf[i]);
                marker(g, gr, sx(xs[i]), sy(ys[i]), size * 2, 1);
                g.setStroke(Color.BLACK);
                g.setLineWidth(1.5);
                g.strokeOval(sx(xs[i]) - size * 1.4, sy(ys[i]) - size * 1.4, size * 2.8, size * 2.8);
            }
        }
    }

    /** Draws one marker of a group at (x, y) (also the legend's swatches). */
    public static void marker(GraphicsContext g, Group gr, double x, double y, double s, double alpha) {
        g.setFill(gr.color.deriveColor(0, 1, 1, alpha));
        double h = s / 2;
        switch (gr.marker) {
            case CIRCLE -> g.fillOval(x - h, y - h, s, s);
            case SQUARE -> g.fillRect(x - h * 0.9, y - h * 0.9, s * 0.9, s * 0.9);
            case TRIANGLE -> g.fillPolygon(new double[]{x, x - h * 1.1, x + h * 1.1},
                    new double[]{y - h * 1.1, y + h * 0.9, y + h * 0.9}, 3);
            case DIAMOND -> g.fillPolygon(new double[]{x, x + h * 1.1, x, x - h * 1.1},
                    new double[]{y - h * 1.2, y, y + h * 1.2, y}, 4);
        }
    }
}
