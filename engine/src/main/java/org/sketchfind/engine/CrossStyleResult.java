package org.sketchfind.engine;

import java.util.List;
import java.util.Map;

/**
 * Cross-style figures, one per source of drawings.
 *
 * @param model the name of the model measured
 */
public record CrossStyleResult(String model, List<Source> sources) {
    public CrossStyleResult {
        sources = List.copyOf(sources);
    }

    /**
     * One source's queries against the held-out photos.
     *
     * @param leftOut drawings of unseen or unknown classes, left out
     * @param json    the source's published JSON object (the report's keys)
     */
    public record Source(String source, int leftOut, EvaluationResult.Score score, Map<String, Object> json) {
    }
}
