package org.sketchfind.app.collection;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.sketchfind.app.kit.Icons;
import org.sketchfind.engine.CollectionStatus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A registered folder: its name, full path, and scan state (complete, with the time it finished, or not). */
final class FolderCell extends ListCell<CollectionStatus.Folder> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Override
    protected void updateItem(CollectionStatus.Folder f, boolean empty) {
        super.updateItem(f, empty);
        if (empty || f == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Label name = new Label(f.path().getFileName() == null ? f.path().toString() : f.path().getFileName().toString());
        name.getStyleClass().add("folder-name");
        Label path = new Label(f.path().toString());
        path.getStyleClass().add("folder-path");
        Label state = new Label(describe(f), Icons.of(f.scanComplete() ? MaterialDesignC.CHECK_CIRCLE_OUTLINE
                : MaterialDesignC.CLOCK_OUTLINE, 14));
        state.getStyleClass().addAll("folder-state", f.scanComplete() ? "state-complete" : "state-pending");
        VBox text = new VBox(2, name, path, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, Icons.of(MaterialDesignF.FOLDER_IMAGE, 24), text);
        row.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        setGraphic(row);
    }

    static String describe(CollectionStatus.Folder f) {
        if (f.scanComplete()) {
            return f.scanFinishedAt() == null ? "Scanned" : "Scanned " + TIME.format(f.scanFinishedAt());
        }
        return switch (f.scanState() == null ? "" : f.scanState()) {
            case "scanning" -> "Scanning…";
            case "pending", "" -> "Waiting to be scanned";
            default -> "Scan not finished (" + f.scanState() + ")";
        };
    }
}
