package org.sketchfind.app.canvas;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.Icons;

/** Pen width, undo and clear for a {@link SketchCanvas}; undo/clear are disabled while the canvas is empty. */
public final class CanvasToolbar extends HBox {
    public CanvasToolbar(SketchCanvas canvas) {
        getStyleClass().add("tool-bar-row");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        Slider width = new Slider(1, 12, 3);
        width.setId("penWidth");
        width.setPrefWidth(110);
        width.setTooltip(new Tooltip("Pen width"));
        width.valueProperty().addListener((o, a, b) -> canvas.setLineWidth(b.doubleValue()));
        canvas.setLineWidth(width.getValue());
        Label pen = new Label("", Icons.of(MaterialDesignB.BRUSH, 16));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button undo = Buttons.of("undoButton", "Undo", MaterialDesignU.UNDO, "Undo the last stroke (Ctrl+Z)",
                canvas::undo);
        Button clear = Buttons.of("clearButton", "Clear", MaterialDesignE.ERASER, "Clear the canvas (Delete, Ctrl+L)",
                canvas::clear);
        undo.disableProperty().bind(canvas.strokeCountProperty().isEqualTo(0));
        clear.disableProperty().bind(canvas.strokeCountProperty().isEqualTo(0));
        getChildren().addAll(pen, width, spacer, undo, clear);
    }
}
