package org.sketchfind.engine.cli;

import org.sketchfind.engine.code.QueryExpansion;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.eval.Ranking;
import org.sketchfind.engine.eval.RetrievalFigure;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMapsSubset;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
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

    @Mixin
    DatasetOptions common = new DatasetOptions();

    @Override
    public Integer call() throws Exception {
        DatasetOptions.SplitDataset ds = common.openOrReport("retrieval-figure", data);
        if (ds == null) {
            return 2;
        }
        ZeroShotSplit zs = ds.split();
        List<String> unseen = new ArrayList<>(zs.unseen().forEvaluation().names());
        unseen.sort(Comparator.naturalOrder());
        List<String> chosen = new ArrayList<>();
        if (classes.isEmpty()) {
            for (int i = 0; i < 6 && i < unseen.size(); i++) {
                chosen.add(unseen.get(i * unseen.size() / Math.min(6, unseen.size())));
            }
        } else {
            for (String c : classes) {
                String canonical = zs.canonical(c);
                if (canonical == null || !unseen.contains(canonical)) {
                    System.err.println("sketchfind retrieval-figure: '" + c + "' is not an unseen class of " + zs.column());
                    return 2;
                }
                chosen.add(canonical);
            }
        }
        HashingModel m = HashingModels.load(model != null ? model : HashingModels.defaultModelFile());
        try (DatasetFeatures f = DatasetFeatures.load(ds.dataset(), common.cacheDir(), new FeatureExtractor(m.backbone()),
                System.err::println)) {
            List<LabeledImage> gallery = zs.unseen().forEvaluation().select(f.photos()).items();
            long[][] codes = EvaluateCommand.codes(m, new FeatureMapsSubset(f.photoMaps(), rows(f.photos(), gallery)), false);
            List<LabeledImage> sketches = zs.unseen().forEvaluation().select(f.sketches()).items();
            List<RetrievalFigure.Row> figureRows = new ArrayList<>();
            for (String c : chosen) {
                LabeledImage query = sketches.stream().filter(s -> zs.canonical(s.className()).equals(c))
                        .min(Comparator.comparing(s -> s.path().getFileName().toString())).orElseThrow();
                long[] q = EvaluateCommand.codes(m, new FeatureMapsSubset(f.sketchMaps(),
                        rows(f.sketches(), List.of(query))), true)[0];
                Ranking r = Ranking.byHamming(q, codes, m.bits());
                if (expand > 0) {
                    List<long[]> nb = new ArrayList<>();
                    for (int k = 0; k < Math.min(expand, codes.length); k++) {
                        nb.add(codes[r.order()[k]]);
                    }
                    q = QueryExpansion.expand(q, nb, m.bits());
                    r = Ranking.byHamming(q, codes, m.bits());
                }
                List<RetrievalFigure.Hit> hits = new ArrayList<>();
                for (int k = 0; k < Math.min(top, codes.length); k++) {
                    int g = r.order()[k];
                    hits.add(new RetrievalFigure.Hit(gallery.get(g).path(), zs.canonical(gallery.get(g).className()),
                            org.sketchfind.engine.code.Codes.hamming(q, codes[g])));
                }
                figureRows.add(new RetrievalFigure.Row(query.path(), c, hits));
            }
            String title = m.name() + (expand > 0 ? " + query expansion (k = " + expand + ")" : "") + " — unseen "
                    + zs.column() + ", gallery " + gallery.size() + " photos";
            RetrievalFigure.write(out, title, figureRows);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", out.toString());
            o.put("model", m.name());
            o.put("classes", chosen);
            List<Long> right = new ArrayList<>();
            for (RetrievalFigure.Row row : figureRows) {
                right.add(row.hits().stream().filter(h -> h.className().equals(row.className())).count());
            }
            o.put("correct_in_top", right);
            common.print(o);
        }
        return 0;
    }

    private static int[] rows(List<LabeledImage> all, List<LabeledImage> chosen) {
        Map<LabeledImage, Integer> row = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            row.put(all.get(i), i);
        }
        return chosen.stream().mapToInt(row::get).toArray();
    }
}
