package org.sketchfind.app.kit;

import javafx.scene.control.ComboBox;
import org.sketchfind.engine.DatasetRequest;
import org.sketchfind.engine.Sketchfind;

import java.nio.file.Path;
import java.util.List;

/** A split-column chooser: filled from a data set's classes.tsv in the background, keeping the choice when it can. */
public final class SplitColumns {
    private SplitColumns() {
    }

    /** Reads {@code data}'s split columns off the FX thread and offers them in {@code box}. */
    public static void load(Path data, ComboBox<String> box, Background io) {
        if (data != null) {
            io.call(() -> Sketchfind.splitColumns(data), cols -> offer(box, cols), e -> { });
        }
    }

    /** Offers {@code columns}: the current choice if it is one, else the default split, else the first. */
    public static void offer(ComboBox<String> box, List<String> columns) {
        String keep = box.getValue();
        box.getItems().setAll(columns);
        if (columns.contains(keep)) {
            box.setValue(keep);
        } else if (!columns.isEmpty()) {
            box.setValue(columns.contains(DatasetRequest.DEFAULT_SPLIT) ? DatasetRequest.DEFAULT_SPLIT : columns.get(0));
        }
    }
}
