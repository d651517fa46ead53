package org.sketchfind.app.kit;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;

/** A window's bottom bar: labelled segments on the left, a progress bar and its text on the right. */
public final class StatusBar extends HBox {
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Region spacer = new Region();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setId("statusBar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        progress.setId("statusProgress");
        progress.setPrefWidth(160);
        progressText.setId("statusProgressText");
        getChildren().addAll(spacer, progressText, progress);
        showProgress(false);
    }

    /** Adds a segment (before the spacer) and returns its label. */
    public Label addSegment(String id, Ikon icon) {
        Label l = new Label("", icon == null ? null : Icons.of(icon, 14));
        l.setId(id);
        l.getStyleClass().add("status-segment");
        int at = getChildren().indexOf(spacer);
        if (at > 0) {
            Separator sep = new Separator(Orientation.VERTICAL);
            getChildren().add(at++, sep);
        }
        getChildren().add(at, l);
        return l;
    }

    /** Shows {@code fraction} (negative: indeterminate) with {@code text}. */
    public void setProgress(double fraction, String text) {
        progress.setProgress(fraction);
        progressText.setText(text);
        showProgress(true);
    }

    public void showProgress(boolean show) {
        progress.setVisible(show);
        progress.setManaged(show);
        progressText.setVisible(show);
        progressText.setManaged(show);
    }
}
