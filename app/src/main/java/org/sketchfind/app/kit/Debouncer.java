package org.sketchfind.app.kit;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs an action on the FX thread once calls to {@link #trigger()} have paused for the given delay. FX thread only. */
public final class Debouncer {
    private final PauseTransition pause;

    public Debouncer(Duration delay, Runnable action) {
        pause = new PauseTransition(delay);
        pause.setOnFinished(e -> action.run());
    }

    public void trigger() {
        pause.playFromStart();
    }

    public void cancel() {
        pause.stop();
    }
}
