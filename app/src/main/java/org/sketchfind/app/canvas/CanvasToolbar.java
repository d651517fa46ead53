package org.sketchfind.app.canvas;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.Icons;

import java.util.function.DoubleConsumer;

/**
 * Pen width, eraser, undo, redo and clear for a {@link SketchCanvas}, and save / open a sketch and open an image
 * to search with. The pen width changes the drawing on screen only: the search always rasterizes the strokes at the
 * one width the models were trained with (the tooltip says so, and the page shows what is searched).
 */
public final class CanvasToolbar extends FlowPane {
    private final Slider width;

    /**
     * @param initialWidth pen width to start with; {@code onWidth} hears every change (to remember it)
     * @param onSave       saves the sketch; {@code onOpen} opens a sketch or an image file
     */
    public CanvasToolbar(SketchCanvas canvas, double initialWidth, DoubleConsumer onWidth, Runnable onSave,
                         Runnable onOpen) {
        getStyleClass().add("tool-bar-row");
        setHgap(6);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        width = new Slider(1, 12, initialWidth);
        width.setId("penWidth");
        width.setPrefWidth(90);
        width.setTooltip(new Tooltip("Pen width on screen. The search always draws your strokes 2 px wide on a "
                + "224 px square, the way it was chosen to see drawings, so a thick pen does not change the results."));
        width.valueProperty().addListener((o, a, b) -> {
            canvas.setLineWidth(b.doubleValue());
            onWidth.accept(b.doubleValue());
        });
        canvas.setLineWidth(width.getValue());
        Label pen = new Label("", Icons.of(MaterialDesignB.BRUSH, 16));
        ToggleButton eraser = new ToggleButton(null, Icons.of(MaterialDesignE.ERASER_VARIANT, 16));
        eraser.setId("eraserButton");
        eraser.getStyleClass().add("icon-button");
        eraser.setTooltip(new Tooltip("Eraser: drag over the lines to rub them out (E)"));
        eraser.selectedProperty().bindBidirectional(canvas.eraserProperty());
        Button undo = Buttons.icon("undoButton", MaterialDesignU.UNDO, "Undo (Ctrl+Z)", canvas::undo);
        Button redo = Buttons.icon("redoButton", MaterialDesignR.REDO, "Redo (Ctrl+Y or Ctrl+Shift+Z)", canvas::redo);
        Button clear = Buttons.of("clearButton", "Clear", MaterialDesignD.DELETE_OUTLINE,
                "Clear the canvas (Delete, Ctrl+L)", canvas::clear);
        Button save = Buttons.icon("saveSketch", MaterialDesignC.CONTENT_SAVE_OUTLINE,
                "Save the sketch as a Quick, Draw! ndjson file, with its timing (Ctrl+S)", onSave);
        Button open = Buttons.icon("openSketch", MaterialDesignF.FOLDER_OPEN_OUTLINE,
                "Open a sketch (.ndjson) or search with an image file, a drawing or a photo (Ctrl+O); "
                        + "you can also drop a file on the canvas", onOpen);
        undo.disableProperty().bind(canvas.canUndoProperty().not());
        redo.disableProperty().bind(canvas.canRedoProperty().not());
        clear.disableProperty().bind(canvas.strokeCountProperty().isEqualTo(0).and(canvas.canUndoProperty().not()));
        save.disableProperty().bind(canvas.strokeCountProperty().isEqualTo(0));
        getChildren().addAll(pen, width, eraser, undo, redo, clear, save, open);
    }

    public Slider widthSlider() {
        return width;
    }
}
