package org.sketchfind.engine.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param status         COMPLETED, or CANCELLED (a checkpoint was written; resume continues from it)
 * @param steps          steps completed in total (including those before a resume)
 * @param lastLosses     the last step's loss terms
 * @param validationMaps validation mAP after each epoch completed in this process
 * @param modelFile      the model file written (null when cancelled)
 * @param seconds        wall time of this process's part of the run
 */
public record TrainingResult(Status status, long steps, Map<String, Double> lastLosses, List<Double> validationMaps,
                             Path modelFile, double seconds) {
    public enum Status { COMPLETED, CANCELLED }
}
