package org.sketchfind.engine.cli;

import org.sketchfind.engine.Hit;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.QueryImage;
import org.sketchfind.engine.SearchRanking;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code search --sketch FILE | --ndjson FILE --top K}: the photos of the catalogue nearest to a sketch. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the photo catalogue with a sketch image or a Quick, Draw! drawing.")
public final class SearchCommand implements Callable<Integer> {
    static final class Query {
        @Option(names = "--sketch", paramLabel = "FILE", description = "sketch image (black strokes on white)")
        Path sketch;

        @Option(names = "--ndjson", paramLabel = "FILE", description = "Quick, Draw! ndjson file (its first drawing)")
        Path ndjson;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Query query;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "number of results (default 10)")
    int top;

    @Option(names = "--expand", paramLabel = "K", defaultValue = "0", description = "query expansion: re-rank with the"
            + " majority code of the query and its K nearest photos (" + PhotoCollection.DEFAULT_EXPAND + " is what the"
            + " app's 'refine' uses; it helps collections with many photos per subject and hurts sparse ones; default 0:"
            + " off)")
    int expand;

    @Option(names = "--hamming", description = "rank by the Hamming distance to the sketch's code; by default a ZSIH"
            + " model ranks by the cosine of the sketch's and the photos' real-valued outputs (real-valued ranking; by"
            + " asymmetric scores while some photo has no stored outputs yet), the distance shown being in bits;"
            + " --expand ranks by Hamming distance")
    boolean hamming;

    @Option(names = "--asymmetric", description = "rank by asymmetric scores: the sketch's real-valued outputs against"
            + " the photos' binary codes (the default before real-valued ranking)")
    boolean asymmetric;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "catalogue folder (default: the per-user one)")
    Path dataDir;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped model)")
    Path model;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        if (top < 1) {
            return CliJobs.fail("search", "--top must be at least 1", CliJobs.REFUSED);
        }
        if (hamming && asymmetric) {
            return CliJobs.fail("search", "--hamming and --asymmetric choose different rankings: give one",
                    CliJobs.REFUSED);
        }
        BufferedImage sketch;
        try {
            sketch = (query.sketch != null ? QueryImage.image(query.sketch) : QueryImage.drawing(query.ndjson)).image();
        } catch (IOException e) {
            return CliJobs.fail("search", String.valueOf(e.getMessage()), CliJobs.REFUSED);
        }
        try {
            Sketchfind.requireCollection(dataDir); // refused before the model loads; nothing is created
        } catch (IllegalArgumentException e) {
            return CliJobs.fail("search", e.getMessage(), CliJobs.REFUSED);
        }
        // the model loads here, so that ms_encode stays the sketch's encoding alone
        try (Sketchfind engine = new Sketchfind(model); PhotoCollection collection = engine.openCollection(dataDir)) {
            SearchResult r = collection.search(sketch, top, expand, hamming ? SearchRanking.HAMMING
                    : asymmetric ? SearchRanking.ASYMMETRIC : PhotoCollection.DEFAULT_RANKING);
            String ranking = r.ranking().label();
            if (r.searched() == 0) {
                System.err.println("sketchfind search: the catalogue in " + collection.dataDir()
                        + " has no photos encoded by " + r.model() + "; run: sketchfind index add FOLDER");
            }
            if (json) {
                List<Map<String, Object>> results = new ArrayList<>();
                for (Hit h : r.hits()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", h.path().toString());
                    m.put("distance", h.distance());
                    results.add(m);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("results", results);
                out.put("model", r.model());
                out.put("bits", r.bits());
                out.put("searched", r.searched());
                out.put("ms_encode", r.encodeMillis());
                out.put("ms_search", r.searchMillis());
                out.put("ranking", ranking);
                JsonOutput.print(out, System.out);
            } else {
                int rank = 1;
                for (Hit h : r.hits()) {
                    System.out.printf(Locale.ROOT, "%3d  %3d  %s%n", rank++, h.distance(), h.path());
                }
                System.err.printf(Locale.ROOT, "%s: %d of %d photos (%s ranking); encode %.0f ms, search %.3f ms%n",
                        r.model(), r.hits().size(), r.searched(), ranking, r.encodeMillis(), r.searchMillis());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return CliJobs.fail("search", e.getMessage(), CliJobs.REFUSED);
        } catch (IOException | RuntimeException e) {
            return CliJobs.fail("search", String.valueOf(e.getMessage()), CliJobs.FAILED);
        }
    }
}
