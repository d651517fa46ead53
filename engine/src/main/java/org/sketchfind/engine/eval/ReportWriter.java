package org.sketchfind.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an evaluation of one or more models into a folder:
 * <ul>
 *   <li>{@value #JSON}: {@code {"models": [Report.toJson(), …]}}</li>
 *   <li>{@value #SUMMARY_CSV}: one row per model (the JSON's headline figures)</li>
 *   <li>{@value #PER_CLASS_CSV}: model, class, queries, ap, ap_tie_aware</li>
 *   <li>{@value #PR_CSV}: model, recall, precision (interpolated curve)</li>
 *   <li>{@value #PR_PNG}: every model's PR curve in one chart</li>
 *   <li>{@value #PER_CLASS_PNG}: per-class AP bars, one series per model</li>
 * </ul>
 * Headless: XChart draws into a BufferedImage, no display needed.
 */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String PER_CLASS_CSV = "per_class_ap.csv";
    public static final String PR_CSV = "pr_curves.csv";
    public static final String PR_PNG = "pr_curves.png";
    public static final String PER_CLASS_PNG = "per_class_ap.png";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** The {@code --json} object: {@code {"models": [...]}}. */
    public static Map<String, Object> toJson(List<Report> reports) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (Report r : reports) {
            models.add(r.toJson());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("models", models);
        return root;
    }

    /** Writes all files into {@code dir} (created if missing) and returns their paths. */
    public static List<Path> write(Path dir, List<Report> reports) throws IOException {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no reports to write");
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path json = dir.resolve(JSON);
        MAPPER.writeValue(json.toFile(), toJson(reports));
        written.add(json);

        StringBuilder summary = new StringBuilder(Csv.row("model", "bits", "dims", "split", "queries", "gallery",
                "map_all", "map_all_tie_aware", "precision_k", "precision_at_k", "precision_at_k_tie_aware",
                "map_k", "map_at_k", "ms_per_query", "queries_without_relevant"));
        StringBuilder perClass = new StringBuilder(Csv.row("model", "class", "queries", "ap", "ap_tie_aware"));
        StringBuilder pr = new StringBuilder(Csv.row("model", "recall", "precision"));
        for (Report r : reports) {
            summary.append(Csv.row(r.model(), r.bits(), r.dims(), r.split(), r.queries(), r.gallery(), r.mapAll(),
                    r.mapAllTieAware(), r.precisionK(), r.precisionAtK(), r.precisionAtKTieAware(), r.mapK(),
                    r.mapAtK(), r.msPerQuery(), r.queriesWithoutRelevant()));
            for (Report.ClassAp c : r.perClass()) {
                perClass.append(Csv.row(r.model(), c.className(), c.queries(), c.ap(), c.apTieAware()));
            }
            for (int l = 0; l < r.prRecall().length; l++) {
                pr.append(Csv.row(r.model(), r.prRecall()[l], r.prPrecision()[l]));
            }
        }
        written.add(writeString(dir.resolve(SUMMARY_CSV), summary));
        written.add(writeString(dir.resolve(PER_CLASS_CSV), perClass));
        written.add(writeString(dir.resolve(PR_CSV), pr));

        Path prPng = dir.resolve(PR_PNG);
        BitmapEncoder.saveBitmap(prChart(reports), prPng.toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(prPng);
        Path barPng = dir.resolve(PER_CLASS_PNG);
        BitmapEncoder.saveBitmap(perClassChart(reports), barPng.toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(barPng);
        return written;
    }

    /** Interpolated precision–recall curves of every model in one chart. */
    public static XYChart prChart(List<Report> reports) {
        XYChart chart = new XYChartBuilder().width(800).height(600).title("Precision–recall (interpolated)")
                .xAxisTitle("recall").yAxisTitle("precision").build();
        var st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setXAxisMin(0.0);
        st.setXAxisMax(1.0);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        Set<String> names = new LinkedHashSet<>();
        for (Report r : reports) {
            String name = uniqueName(names, label(r));
            double[] p = r.prPrecision().clone();
            for (int i = 0; i < p.length; i++) {
                if (!Double.isFinite(p[i])) {
                    p[i] = 0;
                }
            }
            chart.addSeries(name, r.prRecall(), p).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Per-class AP (plain) as grouped bars: classes on the x axis, one series per model. */
    public static CategoryChart perClassChart(List<Report> reports) {
        Set<String> classes = new LinkedHashSet<>();
        for (Report r : reports) {
            for (Report.ClassAp c : r.perClass()) {
                classes.add(c.className());
            }
        }
        List<String> x = new ArrayList<>(classes);
        int width = Math.max(800, 40 + x.size() * (14 + 8 * reports.size()));
        CategoryChart chart = new CategoryChartBuilder().width(width).height(600).title("Average precision per class")
                .xAxisTitle("class").yAxisTitle("AP@all").build();
        var st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setXAxisLabelRotation(60);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        Set<String> names = new LinkedHashSet<>();
        for (Report r : reports) {
            Map<String, Double> byClass = new LinkedHashMap<>();
            for (Report.ClassAp c : r.perClass()) {
                byClass.put(c.className(), Double.isFinite(c.ap()) ? c.ap() : 0.0);
            }
            List<Double> y = new ArrayList<>();
            for (String c : x) {
                y.add(byClass.getOrDefault(c, 0.0));
            }
            chart.addSeries(uniqueName(names, label(r)), x, y);
        }
        return chart;
    }

    private static String label(Report r) {
        return r.bits() != null ? r.model() + " (" + r.bits() + " bits)" : r.model() + " (real " + r.dims() + "-d)";
    }

    private static String uniqueName(Set<String> used, String name) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + " #" + i;
        }
        return n;
    }

    private static Path writeString(Path p, CharSequence s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
        return p;
    }
}
