package org.sketchfind.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's evaluation figures. {@link #toJson()} gives the published JSON shape (keys never renamed):
 * {@code {"model", "bits", "queries", "gallery", "map_all", "map_all_tie_aware", "precision_at_100",
 * "ms_per_query"}} followed by extra keys ({@code ap_method}, {@code split}, {@code dims}, {@code precision_k},
 * {@code precision_at_k}, {@code precision_at_k_tie_aware}, {@code map_k}, {@code map_at_k},
 * {@code queries_without_relevant}, {@code pr_curve}, {@code per_class}). Undefined figures (NaN) are written as
 * {@code null}; {@code precision_at_100} is {@code null} when P@K was measured at another K.
 *
 * @param model                  model name (file name or baseline id)
 * @param bits                   code length, or {@code null} for a real-valued (cosine) representation
 * @param dims                   vector dimension of a real-valued representation, or {@code null} for codes
 * @param queries                number of queries
 * @param gallery                gallery size
 * @param mapAll                 mean plain AP@all over queries that have a relevant item
 * @param mapAllTieAware         mean tie-aware AP@all over the same queries
 * @param precisionK             the K of {@link #precisionAtK}
 * @param precisionAtK           mean P@K, plain order
 * @param precisionAtKTieAware   mean expected P@K over tie orderings
 * @param mapK                   the K of {@link #mapAtK}
 * @param mapAtK                 mean AP@K normalised by min(K, R)
 * @param msPerQuery             mean wall time to rank the gallery for one query (distances + ordering; not
 *                               encoding, not metric computation), milliseconds
 * @param queriesWithoutRelevant queries left out of the means because no gallery item shares their class
 * @param split                  what the queries are (e.g. "unseen"), free text, may be {@code null}
 * @param prRecall               recall levels of the interpolated PR curve
 * @param prPrecision            mean interpolated precision at each level
 * @param perClass               per query class: AP means, in class-index order
 */
public record Report(String model, Integer bits, Integer dims, int queries, int gallery,
                     double mapAll, double mapAllTieAware,
                     int precisionK, double precisionAtK, double precisionAtKTieAware,
                     int mapK, double mapAtK, double msPerQuery, int queriesWithoutRelevant, String split,
                     double[] prRecall, double[] prPrecision, List<ClassAp> perClass) {

    /** AP method label written as {@code ap_method}. */
    public static final String AP_METHOD = "AP@all over the full ranking; map_all: plain order (ties by ascending "
            + "gallery index); map_all_tie_aware: expected AP over orderings within ties (McSherry & Najork 2008); "
            + "map_at_k normalised by min(K, #relevant)";

    /** Mean AP of the queries of one class. */
    public record ClassAp(String className, int queries, double ap, double apTieAware) {
    }

    public Report {
        perClass = List.copyOf(perClass);
    }

    /** The same figures under another name (e.g. a baseline's row with its backbone named). */
    public Report withModel(String name) {
        return new Report(name, bits, dims, queries, gallery, mapAll, mapAllTieAware, precisionK, precisionAtK,
                precisionAtKTieAware, mapK, mapAtK, msPerQuery, queriesWithoutRelevant, split, prRecall, prPrecision,
                perClass);
    }

    /** The JSON object as an ordered map (Jackson writes it as-is). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("bits", bits);
        m.put("queries", queries);
        m.put("gallery", gallery);
        m.put("map_all", num(mapAll));
        m.put("map_all_tie_aware", num(mapAllTieAware));
        m.put("precision_at_100", precisionK == 100 ? num(precisionAtK) : null);
        m.put("ms_per_query", num(msPerQuery));
        m.put("ap_method", AP_METHOD);
        m.put("split", split);
        m.put("dims", dims);
        m.put("precision_k", precisionK);
        m.put("precision_at_k", num(precisionAtK));
        m.put("precision_at_k_tie_aware", num(precisionAtKTieAware));
        m.put("map_k", mapK);
        m.put("map_at_k", num(mapAtK));
        m.put("queries_without_relevant", queriesWithoutRelevant);
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("interpolation", "max precision at recall >= level, " + prRecall.length + " levels, mean over queries");
        pr.put("recall", prRecall);
        List<Object> prec = new ArrayList<>();
        for (double p : prPrecision) {
            prec.add(num(p));
        }
        pr.put("precision", prec);
        m.put("pr_curve", pr);
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassAp c : perClass) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("class", c.className());
            cm.put("queries", c.queries());
            cm.put("ap", num(c.ap()));
            cm.put("ap_tie_aware", num(c.apTieAware()));
            classes.add(cm);
        }
        m.put("per_class", classes);
        return m;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
