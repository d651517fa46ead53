package org.sketchfind.engine.cli;

import org.sketchfind.engine.RetrievalFigureRequest;
import org.sketchfind.engine.RetrievalFigureResult;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code retrieval-figure --data DIR --out FILE.png}: the paper's Fig. 4 for the model: for a few unseen classes, the
 * first sketch of the class (by file name) and its top photos among all the split's unseen photos, right ones framed
 * green. The classes are fixed before anything is ranked: {@code --classes}, or by default six classes spread evenly
 * over the alphabetical list of unseen classes.
 */
@Command(name = "retrieval-figure", mixinStandardHelpOptions = true,
        description = "Draw a sketch and its top photos for a few unseen classes (like the paper's Fig. 4).")
public final class FigureCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped default)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data set (Sketchy layout)")
    Path data;

    @Option(names = "--classes", split = ",", paramLabel = "NAME",
            description = "unseen classes to show (default: six spread evenly over the alphabetical unseen list)")
    List<String> classes = new ArrayList<>();

    @Option(names = "--top", defaultValue = "10", description = "photos per row (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--expand", defaultValue = "0", paramLabel = "K", description = "query expansion k (default 0)")
    int expand;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Option(names = "--hamming", description = "rank by Hamming distance; by default a ZSIH model ranks as the search"
            + " does (real-valued ranking), and --expand ranks by Hamming distance")
    boolean hamming;

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Override
    public Integer call() {
        RetrievalFigureResult r;
        try (Sketchfind engine = new Sketchfind()) {
            r = CliJobs.awaitCancellingOnExit(engine.retrievalFigure(new RetrievalFigureRequest(model, data, classes,
                    top, expand, out, common.split, common.cache, hamming), CliJobs.log()), 5);
        } catch (Exception e) {
            return CliJobs.fail("retrieval-figure", e);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", r.file().toString());
        o.put("model", r.model());
        o.put("classes", r.classes());
        o.put("correct_in_top", r.correctInTop());
        common.print(o);
        return 0;
    }
}
