package org.sketchfind.engine.eval;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a t-SNE embedding like the paper's Fig. 5: a PNG scatter plot and a CSV
 * ({@code x,y,class,split,modality,path}, one row per point in input order).
 *
 * <p>Plot: unseen classes in saturated, distinct colours, drawn on top, named in the legend and labelled at their
 * centroid; seen classes in faded colours (no legend entries); modality by marker: photo ●, sketch ▲.
 */
public final class TsnePlotWriter {
    private static final Marker PHOTO_MARKER = SeriesMarkers.CIRCLE;
    private static final Marker SKETCH_MARKER = SeriesMarkers.TRIANGLE_UP;

    private TsnePlotWriter() {
    }

    /** Writes {@code <name>.png} and {@code <name>.csv} into {@code dir} (created if missing); returns both paths. */
    public static List<Path> write(Path dir, String name, List<TsnePoint> points, String title) throws IOException {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no t-SNE points to write");
        }
        Files.createDirectories(dir);
        Path csv = dir.resolve(name + ".csv");
        StringBuilder sb = new StringBuilder(Csv.row("x", "y", "class", "split", "modality", "path"));
        for (TsnePoint p : points) {
            sb.append(Csv.row(p.x(), p.y(), p.className(), p.split().name().toLowerCase(Locale.ROOT),
                    p.modality().name().toLowerCase(Locale.ROOT), p.path()));
        }
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
        Path png = dir.resolve(name + ".png");
        BitmapEncoder.saveBitmap(chart(points, title), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return List.of(png, csv);
    }

    static final int WIDTH = 1200;
    /** Room the title cannot use: XChart centres it over the plot, which the legend (outside, east) narrows. */
    static final int TITLE_MARGIN = 200;

    /**
     * The chart's title font: bold sans-serif 14, made smaller (down to 9) until the title fits the chart's width.
     * XChart centres a title on one line and cuts off both ends of one that is wider than the chart.
     */
    static Font titleFont(String title) {
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        while (font.getSize() > 9 && font.getStringBounds(title, frc).getWidth() > WIDTH - TITLE_MARGIN) {
            font = font.deriveFont((float) (font.getSize() - 1));
        }
        return font;
    }

    public static XYChart chart(List<TsnePoint> points, String title) {
        String fullTitle = title + "   (● photo  ▲ sketch; faded: seen classes)";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(900).title(fullTitle).build();
        XYStyler st = chart.getStyler();
        st.setChartTitleFont(titleFont(fullTitle));
        st.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        st.setMarkerSize(7);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setAxisTicksVisible(false);
        st.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setAnnotationTextFontColor(Color.BLACK);

        // group by (split, class, modality); classes sorted within each split for stable colours
        Map<String, List<TsnePoint>> seen = new TreeMap<>();
        Map<String, List<TsnePoint>> unseen = new TreeMap<>();
        for (TsnePoint p : points) {
            (p.split() == TsnePoint.Split.SEEN ? seen : unseen)
                    .computeIfAbsent(p.className(), k -> new ArrayList<>()).add(p);
        }
        int s = 0;
        for (Map.Entry<String, List<TsnePoint>> e : seen.entrySet()) {
            Color c = colour(s++, seen.size(), 0.35f, 0.85f);
            Color faded = new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
            addClass(chart, "seen: " + e.getKey(), e.getValue(), faded, false);
        }
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (TsnePoint p : points) {
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double lift = 0.025 * (maxY - minY);
        int u = 0;
        for (Map.Entry<String, List<TsnePoint>> e : unseen.entrySet()) {
            Color c = colour(u++, unseen.size(), 0.95f, 0.8f);
            addClass(chart, e.getKey(), e.getValue(), c, true);
            // label above the class's centroid, clear of its densest part
            double cx = 0, cy = 0;
            for (TsnePoint p : e.getValue()) {
                cx += p.x();
                cy += p.y();
            }
            chart.addAnnotation(new AnnotationText(e.getKey(), cx / e.getValue().size(),
                    cy / e.getValue().size() + lift, false));
        }
        if (unseen.isEmpty()) {
            st.setLegendVisible(false);
        }
        return chart;
    }

    private static void addClass(XYChart chart, String label, List<TsnePoint> pts, Color colour, boolean legend) {
        Map<TsnePoint.Modality, List<TsnePoint>> byModality = new LinkedHashMap<>();
        for (TsnePoint p : pts) {
            byModality.computeIfAbsent(p.modality(), k -> new ArrayList<>()).add(p);
        }
        boolean first = true;
        for (Map.Entry<TsnePoint.Modality, List<TsnePoint>> e : byModality.entrySet()) {
            List<TsnePoint> list = e.getValue();
            double[] x = new double[list.size()];
            double[] y = new double[list.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = list.get(i).x();
                y[i] = list.get(i).y();
            }
            String name = label + " (" + e.getKey().name().toLowerCase(Locale.ROOT) + ")";
            XYSeries series = chart.addSeries(name, x, y);
            series.setMarker(e.getKey() == TsnePoint.Modality.PHOTO ? PHOTO_MARKER : SKETCH_MARKER);
            series.setMarkerColor(colour);
            series.setShowInLegend(legend && first);
            if (legend && first) {
                series.setLabel(label);
            }
            first = false;
        }
    }

    /** Distinct hues by golden-ratio stepping; i-th of n. */
    static Color colour(int i, int n, float saturation, float brightness) {
        float hue = (float) ((i * 0.6180339887498949) % 1.0);
        float b = brightness - (i % 3) * 0.12f;
        return Color.getHSBColor(hue, saturation, Math.max(0.35f, b));
    }
}
