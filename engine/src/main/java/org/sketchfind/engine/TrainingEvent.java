package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A training job's progress, as plain values (the command line's progress bar; the app's training view). */
public sealed interface TrainingEvent {
    /** Backbone feature maps of the data set being cached (before the first step; fast when cached). */
    record Features(Progress progress) implements TrainingEvent {
    }

    /**
     * The training set is ready: seen classes only.
     *
     * @param classes           training classes
     * @param sketches          training sketches; likewise photos
     * @param heldOutSketches   validation sketches; likewise photos
     * @param validationClasses seen classes held out whole for validation (empty when items are held out)
     * @param validationLabel   what the validation mAP is measured on, in words
     * @param graphReach        how far the in-batch semantic graph reaches (Eq. 3), or null for runs without it
     */
    record Prepared(int classes, int sketches, int photos, int heldOutSketches, int heldOutPhotos,
                    List<String> validationClasses, String validationLabel, String graphReach)
            implements TrainingEvent {
    }

    /**
     * The run started (fresh or resumed).
     *
     * @param firstStep     the step it continues from (0 when fresh)
     * @param totalSteps    the step at which it will stop
     * @param stepsPerEpoch optimisation steps per pass over the training sketches
     * @param parameters    trainable parameters
     * @param initialValidationMap validation mAP before the first step of a fresh run that starts from the anchored
     *                      codes (NaN otherwise)
     */
    record Started(long firstStep, long totalSteps, int stepsPerEpoch, long parameters, boolean resumed,
                   double initialValidationMap) implements TrainingEvent {
    }

    /**
     * One optimisation step done.
     *
     * @param step           steps completed
     * @param epoch          0-based epoch of this step
     * @param losses         every loss term by name, the total last
     * @param pairsPerSecond sketch–photo pairs per second (moving average)
     * @param etaSeconds     estimated seconds to the last step
     */
    record Step(long step, int epoch, long totalSteps, Map<String, Double> losses, double learningRate,
                double pairsPerSecond, double etaSeconds) implements TrainingEvent {
    }

    /**
     * One epoch done.
     *
     * @param validationMap mAP@all of the validation sketches against the validation photos (NaN if none)
     */
    record Epoch(int epoch, long step, double meanTotalLoss, double validationMap, double seconds)
            implements TrainingEvent {
    }

    /** A checkpoint was written (a cancelled or killed run resumes from the last one). */
    record Checkpoint(long step, Path file) implements TrainingEvent {
    }
}
