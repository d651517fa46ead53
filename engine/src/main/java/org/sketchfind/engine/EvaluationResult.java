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
     */
    public record Score(String model, Integer bits, Integer dims, int queries, int gallery, double mapAll,
                        double mapAllTieAware, int precisionK, double precisionAtK, double msPerQuery, String split) {
    }
}
