package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a training run ended.
 *
 * @param status         COMPLETED, or CANCELLED (a checkpoint was written; the same request with resume continues)
 * @param steps          steps completed in total (including those before a resume)
 * @param losses         the last step's loss terms by name
 * @param validationMaps validation mAP after each epoch completed in this run
 * @param model          the model file written (null when cancelled)
 * @param seconds        wall time of this part of the run
 */
public record TrainingOutcome(Status status, long steps, Map<String, Double> losses, List<Double> validationMaps,
                              Path model, double seconds) {
    public enum Status { COMPLETED, CANCELLED }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
