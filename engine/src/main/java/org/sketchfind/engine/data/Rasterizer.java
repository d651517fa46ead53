package org.sketchfind.engine.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * The one rasterizer turning a {@link Drawing} into a sketch image (the app's canvas and Quick, Draw! files alike):
 * black anti-aliased strokes on white, fitted to the drawing's bounding box with a margin, aspect ratio kept,
 * centred, in a {@code size × size} image. The line width is set in output pixels, so it does not depend on the
 * input's coordinate scale. A stroke of one point (or all points equal) is drawn as a dot of the line width.
 *
 * @param size      output width and height in pixels (default 224, the backbone's input)
 * @param margin    empty border on each side, as a fraction of {@code size}
 * @param lineWidth stroke width in output pixels
 */
public record Rasterizer(int size, float margin, float lineWidth) {
    /** The backbone's input size. */
    public static final int DEFAULT_SIZE = 224;
    /**
     * Border on each side as a fraction of the size: 0.20, so a drawing spans 60 % of the frame, as Sketchy's sketches
     * do (median extent 0.64 of the frame at 224; see RasterizerTest#renderedDrawingsSpanTheFrameAsSketchySketchesDo).
     * Chosen by rule R5 (docs/zsih-model-and-training.md, "Rendering drawings") on 20 held-out seen classes: Quick,
     * Draw! queries scored 0.2113 mAP (64-bit, asymmetric) at margin 0.20 with line width 2, against 0.2004 with the
     * earlier 0.06 and width 3.
     */
    public static final float DEFAULT_MARGIN = 0.20f;
    /**
     * Line width in pixels at 224: 2, chosen with {@link #DEFAULT_MARGIN} by rule R5 from {1.5, 2, 3} (the earlier 3
     * matched Sketchy's ink coverage at margin 0.06, but retrieves doodles less well).
     */
    public static final float DEFAULT_LINE_WIDTH = 2.0f;

    public Rasterizer {
        if (size < 8) {
            throw new IllegalArgumentException("raster size must be at least 8 pixels, got " + size);
        }
        if (!(margin >= 0 && margin < 0.45f)) {
            throw new IllegalArgumentException("margin must be in [0, 0.45), got " + margin);
        }
        if (!(lineWidth > 0 && lineWidth < size / 4f)) {
            throw new IllegalArgumentException("line width must be in (0, size/4), got " + lineWidth);
        }
    }

    /** 224 pixels, default margin and line width. */
    public static Rasterizer defaults() {
        return new Rasterizer(DEFAULT_SIZE, DEFAULT_MARGIN, DEFAULT_LINE_WIDTH);
    }

    /** The same margin, with the line width scaled from the 224-pixel default to {@code size}. */
    public static Rasterizer ofSize(int size) {
        return new Rasterizer(size, DEFAULT_MARGIN, DEFAULT_LINE_WIDTH * size / DEFAULT_SIZE);
    }

    public Rasterizer withLineWidth(float width) {
        return new Rasterizer(size, margin, width);
    }

    /**
     * Renders {@code drawing} as an 8-bit gray image ({@link BufferedImage#TYPE_BYTE_GRAY}), black on white.
     *
     * @throws IllegalArgumentException if the drawing has no points
     */
    public BufferedImage render(Drawing drawing) {
        if (drawing == null || drawing.isEmpty()) {
            throw new IllegalArgumentException("cannot rasterize an empty drawing (no points)");
        }
        float[] b = drawing.bounds();
        float extent = Math.max(b[2] - b[0], b[3] - b[1]);
        float avail = size * (1 - 2 * margin) - lineWidth; // room for the strokes' centre lines
        double scale = extent > 0 ? avail / extent : 1.0;
        double cx = (b[0] + b[2]) / 2.0;
        double cy = (b[1] + b[3]) / 2.0;
        double half = size / 2.0;

        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Stroke s : drawing.strokes()) {
                double x0 = half + (s.x(0) - cx) * scale;
                double y0 = half + (s.y(0) - cy) * scale;
                if (isDot(s)) {
                    g.fill(new Ellipse2D.Double(x0 - lineWidth / 2.0, y0 - lineWidth / 2.0, lineWidth, lineWidth));
                    continue;
                }
                Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, s.size());
                path.moveTo(x0, y0);
                for (int i = 1; i < s.size(); i++) {
                    path.lineTo(half + (s.x(i) - cx) * scale, half + (s.y(i) - cy) * scale);
                }
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** {@link #render} as an sRGB {@code TYPE_INT_RGB} image, the shape {@link ImageLoader} gives photos. */
    public BufferedImage renderRgb(Drawing drawing) {
        return ImageLoader.toRgbOnWhite(render(drawing));
    }

    private static boolean isDot(Stroke s) {
        for (int i = 1; i < s.size(); i++) {
            if (s.x(i) != s.x(0) || s.y(i) != s.y(0)) {
                return false;
            }
        }
        return true;
    }
}
