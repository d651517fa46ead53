package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.eval.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes evaluation reports as a Markdown table in the layout of the ZSIH paper's Tables 1–2 (Shen et al., CVPR
 * 2018): one row per method, one column group per code length with mAP@all and P@K. Real-valued methods (no code)
 * have "—" in every bit column and their figures in a final "real-valued" group. Each cell holds the plain figure
 * followed by the tie-aware one in parentheses. All reports must have been measured on the same queries and gallery.
 */
public final class PaperTable {
    /** Row labels of the known baselines (other model names are printed as they are). */
    public static final Map<String, String> LABELS = Map.of(
            ItqBaseline.NAME, "ITQ (Gong & Lazebnik 2011)",
            DshBaseline.NAME, "DSH-style (Liu et al. 2017), frozen features",
            ImagenetCosine.NAME, "ImageNet features + cosine",
            RidgeSemanticBaseline.NAME, "Ridge → GloVe (linear, SAE-style)",
            SaeBaseline.NAME, "SAE (Kodirov et al. 2017)");

    /**
     * @param title   heading of the table
     * @param dataset what data the rows were measured on (e.g. "../shared/data/sketchy")
     * @param split   the split, e.g. "split_sake_zeroshot1_25unseen, 25 unseen classes"
     */
    public record Header(String title, String dataset, String split) {
    }

    private PaperTable() {
    }

    /** The Markdown text. */
    public static String markdown(Header header, List<Report> reports, int[] bitLengths) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no reports to tabulate");
        }
        Report first = reports.get(0);
        for (Report r : reports) {
            if (r.queries() != first.queries() || r.gallery() != first.gallery()
                    || r.precisionK() != first.precisionK()) {
                throw new IllegalArgumentException("rows measured differently: '" + r.model() + "' has "
                        + r.queries() + " queries, " + r.gallery() + " gallery items, P@" + r.precisionK()
                        + "; '" + first.model() + "' has " + first.queries() + ", " + first.gallery() + ", P@"
                        + first.precisionK());
            }
        }
        int k = first.precisionK();
        Map<String, Map<Integer, Report>> binary = new LinkedHashMap<>();
        Map<String, Report> real = new LinkedHashMap<>();
        for (Report r : reports) {
            if (r.bits() == null) {
                if (real.put(r.model(), r) != null) {
                    throw new IllegalArgumentException("two real-valued reports for '" + r.model() + "'");
                }
            } else {
                if (binary.computeIfAbsent(r.model(), m -> new LinkedHashMap<>()).put(r.bits(), r) != null) {
                    throw new IllegalArgumentException("two reports for '" + r.model() + "' at " + r.bits() + " bits");
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(header.title()).append("\n\n");
        sb.append("- Data: ").append(header.dataset()).append("; split: ").append(header.split()).append('\n');
        sb.append("- Queries: ").append(first.queries()).append(" sketches; gallery: ").append(first.gallery())
                .append(" photos").append(first.split() != null ? " (" + first.split() + " classes)" : "")
                .append('\n');
        sb.append("- mAP@all: AP over the full ranking of the gallery, mean over queries. Each cell: plain (tie-aware)."
                + " Plain = the paper's ordering, Hamming ties broken by ascending gallery index; tie-aware = "
                + "expected AP over random orderings within ties (McSherry & Najork 2008).\n");
        sb.append("- P@").append(k).append(": precision of the top ").append(k)
                .append(", plain (tie-aware expectation).\n");
        sb.append("- Hashing methods are ranked by Hamming distance; real-valued methods by cosine similarity: "
                + "they have — in the bit columns and their figures under \"real-valued\".\n\n");

        List<String> cols = new ArrayList<>();
        cols.add("Method");
        for (int b : bitLengths) {
            cols.add(b + " bits mAP@all");
            cols.add(b + " bits P@" + k);
        }
        if (!real.isEmpty()) {
            cols.add("real-valued mAP@all");
            cols.add("real-valued P@" + k);
        }
        row(sb, cols);
        List<String> rule = new ArrayList<>();
        rule.add("---");
        for (int i = 1; i < cols.size(); i++) {
            rule.add("---:");
        }
        row(sb, rule);
        for (Map.Entry<String, Map<Integer, Report>> e : binary.entrySet()) {
            List<String> cells = new ArrayList<>();
            cells.add(label(e.getKey()));
            for (int b : bitLengths) {
                Report r = e.getValue().get(b);
                cells.add(r == null ? "n/a" : pair(r.mapAll(), r.mapAllTieAware()));
                cells.add(r == null ? "n/a" : pair(r.precisionAtK(), r.precisionAtKTieAware()));
            }
            if (!real.isEmpty()) {
                cells.add("—");
                cells.add("—");
            }
            row(sb, cells);
        }
        for (Report r : real.values()) {
            List<String> cells = new ArrayList<>();
            cells.add(label(r.model()) + (r.dims() != null ? " (" + r.dims() + "-d)" : ""));
            for (int i = 0; i < 2 * bitLengths.length; i++) {
                cells.add("—");
            }
            cells.add(pair(r.mapAll(), r.mapAllTieAware()));
            cells.add(pair(r.precisionAtK(), r.precisionAtKTieAware()));
            row(sb, cells);
        }
        return sb.toString();
    }

    /** Writes {@link #markdown} to {@code file} (parent folders created). */
    public static Path write(Path file, Header header, List<Report> reports, int[] bitLengths) throws IOException {
        String text = markdown(header, reports, bitLengths);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, text);
        return file;
    }

    static String label(String model) {
        return LABELS.getOrDefault(model, model).replace("|", "\\|");
    }

    private static String pair(double plain, double tieAware) {
        return fmt(plain) + " (" + fmt(tieAware) + ")";
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
