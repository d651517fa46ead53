package org.sketchfind.engine.cli;

import org.sketchfind.engine.DatasetRequest;
import org.sketchfind.engine.DatasetSummary;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sketchfind datasets DIR}: detects the layout of a data set folder and reports its classes, photos, sketches
 * and drawings, the zero-shot split, and every problem found. With {@code --json} one object:
 * {@code {"classes", "photos", "sketches", "drawings", "seen", "unseen", "problems": [{"file", "line"?, "cause"}],
 * "layout", "root", "split", "class_table", "class_names"}} ({@code seen}/{@code unseen} are null without a class
 * table).
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Report a data set's classes, counts, zero-shot split and every problem found.")
public final class DatasetsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR",
            description = "Sketchy root (photo/, sketch/, classes.tsv), Quick, Draw! ndjson folder or file, "
                    + "TU-Berlin class folders, or class folders of photos.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Option(names = "--classes", paramLabel = "TSV",
            description = "classes.tsv to match classes against (default: DIR/classes.tsv if present).")
    Path classes;

    @Option(names = "--split", paramLabel = "COLUMN",
            description = "Split column of the class table (default: " + DatasetRequest.DEFAULT_SPLIT + ").")
    String split;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "Force a layout: sketchy, quickdraw, sketch_folders, photo_folders (default: detect).")
    String layout;

    @Option(names = "--check", paramLabel = "MODE", defaultValue = "header",
            description = "Image check: none, header (header, size limit, end marker; default) or decode (every "
                    + "pixel).")
    String check;

    @Option(names = "--per-class", description = "Also print a per-class table (text output only).")
    boolean perClass;

    private final PrintStream out;
    private final PrintStream err;

    public DatasetsCommand() {
        this(System.out, System.err);
    }

    DatasetsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String layoutValue = null;
        if (layout != null) {
            layoutValue = layout.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (!DatasetRequest.LAYOUTS.contains(layoutValue)) {
                err.println("sketchfind datasets: unknown --layout " + layout
                        + " (expected sketchy, quickdraw, sketch_folders or photo_folders)");
                return 2;
            }
        }
        String checkValue = check.trim().toLowerCase(Locale.ROOT);
        if (!DatasetRequest.CHECKS.contains(checkValue)) {
            err.println("sketchfind datasets: unknown --check " + check + " (expected none, header or decode)");
            return 2;
        }
        DatasetSummary d;
        try (Sketchfind engine = new Sketchfind()) {
            d = engine.describeDataset(new DatasetRequest(dir, classes, layoutValue, checkValue, split));
        } catch (IOException | IllegalArgumentException e) {
            err.println("sketchfind datasets: " + e.getMessage());
            return 2;
        }
        if (split != null && d.classTable() == null) {
            err.println("sketchfind datasets: --split " + split + " needs a class table: give --classes TSV");
            return 2;
        }
        if (json) {
            JsonOutput.print(toJson(d), out);
        } else {
            printTable(d);
        }
        return 0;
    }

    static Map<String, Object> toJson(DatasetSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", r.classes());
        m.put("photos", r.photos());
        m.put("sketches", r.sketches());
        m.put("drawings", r.drawings());
        m.put("seen", r.seen());
        m.put("unseen", r.unseen());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (DatasetSummary.Problem p : r.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("file", p.file());
            if (p.line() > 0) {
                pm.put("line", p.line());
            }
            pm.put("cause", p.cause());
            problems.add(pm);
        }
        m.put("problems", problems);
        m.put("layout", r.layout());
        m.put("root", r.root().toString());
        m.put("split", r.splitColumn());
        m.put("class_table", r.classTable() == null ? null : r.classTable().toString());
        m.put("class_names", r.classNames());
        return m;
    }

    private void printTable(DatasetSummary r) {
        out.printf("Data set     %s%n", r.root());
        out.printf("Layout       %s%n", r.layoutDescription());
        out.printf("Class table  %s%n", r.classTable() == null ? "(none)" : r.classTable());
        out.printf("Classes      %d%n", r.classes());
        if (r.seen() != null) {
            out.printf("Split        %s: %d seen, %d unseen%n", r.splitColumn(), r.seen(), r.unseen());
        } else {
            out.printf("Split        (none: no class table with a split column)%n");
        }
        out.printf("Photos       %d%n", r.photos());
        out.printf("Sketches     %d%n", r.sketches());
        out.printf("Drawings     %d%n", r.drawings());
        out.printf("Problems     %d%n", r.problems().size());
        if (perClass) {
            out.println();
            out.printf("%-28s %-7s %7s %9s %9s%n", "class", "split", "photos", "sketches", "drawings");
            for (DatasetSummary.ClassCount c : r.perClass()) {
                out.printf("%-28s %-7s %7d %9d %9d%n", c.name(), c.role(), c.photos(), c.sketches(), c.drawings());
            }
        }
        if (!r.problems().isEmpty()) {
            out.println();
            out.println("Problems:");
            for (DatasetSummary.Problem p : r.problems()) {
                out.println("  " + p);
            }
        }
    }
}
