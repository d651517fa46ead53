package org.sketchfind.app.event;

/**
 * The training run's state for the status bar: {@code text} null when no run is going.
 *
 * @param fraction done fraction, negative when unknown
 */
public record TrainingStatus(String text, double fraction) {
    public static TrainingStatus idle() {
        return new TrainingStatus(null, 0);
    }
}
