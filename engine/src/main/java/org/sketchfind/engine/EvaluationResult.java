package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Retrieval figures of models and baselines measured in one run.
 *
 * @param scores one per model or baseline, in the order measured
 * @param table  the figures as a terminal table
 * @param json   the published JSON object ({@code {"models": [...]}}; keys are only ever added to)
 * @param files  files written (report folder; for a paper table, the table first)
 */
public record EvaluationResult(List<Score> scores, String table, Map<String, Object> json, List<Path> files) {
    public EvaluationResult {
        scores = List.copyOf(scores);
        files = List.copyOf(files);
    }

    /**
     * One model's figures.
     *
     * @param bits           code length, or null for a real-valued representation
     * @param dims           vector dimension of a real-valued representation, or null for codes
     * @param mapAll         mean plain AP@all
     * @param mapAllTieAware mean tie-aware AP@all
     * @param precisionK     the K of {@code precisionAtK}
     * @param msPerQuery     mean time to rank the gallery for one query
     * @param prRecall       recall levels of the interpolated precision-recall curve
     * @param prPrecision    mean interpolated precision at each level
     * @param perClass       AP per query class, in class order
     */
    public record Score(String model, Integer bits, Integer dims, int queries, int gallery, double mapAll,
                        double mapAllTieAware, int precisionK, double precisionAtK, double msPerQuery, String split,
                        double[] prRecall, double[] prPrecision, List<ClassAp> perClass) {
        public Score {
            prRecall = prRecall.clone();
            prPrecision = prPrecision.clone();
            perClass = List.copyOf(perClass);
        }

        /** Figures without a PR curve or per-class APs. */
        public Score(String model, Integer bits, Integer dims, int queries, int gallery, double mapAll,
                     double mapAllTieAware, int precisionK, double precisionAtK, double msPerQuery, String split) {
            this(model, bits, dims, queries, gallery, mapAll, mapAllTieAware, precisionK, precisionAtK, msPerQuery,
                    split, new double[0], new double[0], List.of());
        }
    }

    /**
     * Mean AP of the queries of one class.
     *
     * @param ap          mean plain AP@all of the class's queries
     * @param apTieAware  mean tie-aware AP@all
     */
    public record ClassAp(String className, int queries, double ap, double apTieAware) {
    }
}
