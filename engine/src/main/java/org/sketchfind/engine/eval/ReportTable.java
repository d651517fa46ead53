package org.sketchfind.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text table of reports for the terminal, one row per model, columns aligned. */
public final class ReportTable {
    private ReportTable() {
    }

    public static String format(List<Report> reports) {
        List<String[]> rows = new ArrayList<>();
        int k = reports.isEmpty() ? 100 : reports.get(0).precisionK();
        int mk = reports.isEmpty() ? 100 : reports.get(0).mapK();
        rows.add(new String[]{"model", "bits", "queries", "gallery", "mAP@all", "mAP@all tie-aware",
                "P@" + k, "mAP@" + mk, "ms/query"});
        for (Report r : reports) {
            rows.add(new String[]{r.model(), r.bits() != null ? r.bits().toString() : "real " + r.dims() + "-d",
                    Integer.toString(r.queries()), Integer.toString(r.gallery()), f(r.mapAll()),
                    f(r.mapAllTieAware()), r.precisionK() == k ? f(r.precisionAtK()) : f(r.precisionAtK()) + " (K="
                    + r.precisionK() + ")", r.mapK() == mk ? f(r.mapAtK()) : f(r.mapAtK()) + " (K=" + r.mapK() + ")",
                    String.format(Locale.ROOT, "%.3f", r.msPerQuery())});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sb.append("  ");
                }
                // model name left-aligned, figures right-aligned
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                sb.append(c == 0 ? cell + pad : pad + cell);
            }
            sb.append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                sb.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
