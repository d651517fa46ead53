package org.sketchfind.app.kit;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.nio.file.Path;
import java.util.function.Supplier;

/** A text field for a file or folder with a "…" button that opens a chooser. */
public final class PathField extends HBox {
    private final TextField field;

    /** @param choose asks for a path (null: cancelled) */
    public PathField(String id, Path initial, Supplier<Path> choose) {
        field = Form.text(id, initial);
        field.setPrefColumnCount(24);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button browse = Buttons.icon(id + "Browse", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Choose…", () -> {
            Path p = choose.get();
            if (p != null) {
                field.setText(p.toString());
            }
        });
        setSpacing(6);
        getChildren().addAll(field, browse);
    }

    public TextField field() {
        return field;
    }

    public Path path() {
        return Form.readPath(field);
    }

    public void setPath(Path p) {
        field.setText(p == null ? "" : p.toString());
    }
}
