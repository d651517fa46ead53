package org.sketchfind.app.collection;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.sketchfind.engine.CollectionStatus;

/** The files (and folders) the catalogue could not read, each with its reason. */
final class SkippedTable extends TableView<CollectionStatus.Skipped> {
    SkippedTable(ObservableList<CollectionStatus.Skipped> items) {
        super(items);
        setId("skippedTable");
        TableColumn<CollectionStatus.Skipped, String> file = new TableColumn<>("File");
        file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file()));
        file.setPrefWidth(360);
        TableColumn<CollectionStatus.Skipped, String> cause = new TableColumn<>("Reason");
        cause.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cause()));
        cause.setPrefWidth(420);
        getColumns().add(file);
        getColumns().add(cause);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No skipped files."));
    }
}
