package org.sketchfind.app.kit;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Progress of a long task: a title, a bar, a detail line, and pause/resume and cancel buttons. */
public final class TaskProgressView extends VBox {
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label detail = new Label();
    private final Button pause;
    private final Button cancel;
    private boolean paused;
    private boolean pausable = true;

    public TaskProgressView(String idPrefix, Runnable onPause, Runnable onResume, Runnable onCancel) {
        getStyleClass().add("task-progress");
        setSpacing(6);
        title.setId(idPrefix + "Title");
        title.getStyleClass().add("task-title");
        detail.setId(idPrefix + "Detail");
        detail.getStyleClass().add("task-detail");
        bar.setId(idPrefix + "Bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        pause = Buttons.icon(idPrefix + "Pause", MaterialDesignP.PAUSE, "Pause", () -> {
            if (paused) {
                onResume.run();
            } else {
                onPause.run();
            }
        });
        cancel = Buttons.icon(idPrefix + "Cancel", MaterialDesignS.STOP, "Cancel", onCancel);
        HBox row = new HBox(8, bar, pause, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, row, detail);
    }

    /**
     * @param fraction done fraction, negative for indeterminate
     * @param controllable whether pause/cancel apply to this task
     */
    public void update(String titleText, double fraction, String detailText, boolean isPaused, boolean controllable) {
        title.setText(titleText);
        bar.setProgress(fraction);
        detail.setText(detailText);
        paused = isPaused;
        pause.setGraphic(Icons.of(isPaused ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE, 16));
        pause.getTooltip().setText(isPaused ? "Resume" : "Pause");
        pause.setDisable(!controllable || !pausable);
        cancel.setDisable(!controllable);
    }

    /** Whether the task can be paused (a t-SNE or an evaluation can only be cancelled): hides the pause button. */
    public void setPausable(boolean p) {
        pausable = p;
        pause.setVisible(p);
        pause.setManaged(p);
    }
}
