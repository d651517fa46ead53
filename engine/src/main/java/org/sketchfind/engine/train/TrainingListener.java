package org.sketchfind.engine.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * Progress of a training run as plain value events (consumed by the command line's progress bar and, later, the
 * app's training view, which moves them to its own thread). Called on the training thread; keep handlers quick.
 */
public interface TrainingListener {
    /**
     * Run started (fresh or resumed).
     *
     * @param firstStep   the step the run continues from (0 when fresh)
     * @param totalSteps  the step at which it will stop
     * @param stepsPerEpoch optimisation steps per pass over the training sketches
     * @param initialValidationMap validation mAP before the first step of a fresh run that starts from the anchored
     *                    codes (NaN otherwise)
     */
    record Start(long firstStep, long totalSteps, int stepsPerEpoch, long parameters, boolean resumed,
                 double initialValidationMap) {
    }

    /**
     * One optimisation step done.
     *
     * @param step          steps completed (1-based after the first)
     * @param epoch         0-based epoch of this step
     * @param losses        every loss term of Eq. 7 by name, the total last (see {@code ZsihGraph.lossTerms()})
     * @param learningRate  Adam step size used
     * @param pairsPerSecond sketch–photo pairs per second (moving average)
     * @param etaSeconds    estimated seconds to the last step
     */
    record Step(long step, int epoch, long totalSteps, Map<String, Double> losses, double learningRate,
                double pairsPerSecond, double etaSeconds) {
    }

    /**
     * One epoch done.
     *
     * @param validationMap mAP@all of sketch → photo Hamming ranking on held-out items of the SEEN classes (NaN if
     *                      there are none)
     */
    record Epoch(int epoch, long step, double meanTotalLoss, double validationMap, double seconds) {
    }

    default void onStart(Start e) {
    }

    default void onStep(Step e) {
    }

    default void onEpoch(Epoch e) {
    }

    default void onCheckpoint(long step, Path file) {
    }

    default void onFinish(TrainingResult r) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return new TrainingListener() {
        };
    }
}
