package org.sketchfind.app.results;

import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.sketchfind.engine.Hit;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One tile of the results grid: the thumbnail, its rank and its distance in bits. Double-click opens it; the
 * context menu opens it, searches for more like it, or copies its path.
 */
final class ResultCell extends GridCell<Hit> {
    private final ImageView image = new ImageView();
    private final Label rank = new Label();
    private final Label distance = new Label();
    private final VBox box;
    private final Tooltip tooltip = new Tooltip();

    ResultCell(double size, ThumbnailImages images, Supplier<List<Hit>> items,
               BiConsumer<Hit, Integer> onOpen, Consumer<Hit> onMoreLike) {
        getStyleClass().add("result-cell");
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setPreserveRatio(true);
        StackPane frame = new StackPane(image);
        frame.getStyleClass().add("result-frame");
        frame.setPrefSize(size, size);
        frame.setMinSize(size, size);
        rank.getStyleClass().add("result-rank");
        distance.getStyleClass().add("result-distance");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox meta = new HBox(4, rank, spacer, distance);
        meta.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(4, frame, meta);
        this.images = images;
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && getItem() != null) {
                onOpen.accept(getItem(), items.get().indexOf(getItem()) + 1);
            }
        });
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> {
            if (getItem() != null) {
                onOpen.accept(getItem(), items.get().indexOf(getItem()) + 1);
            }
        });
        MenuItem more = new MenuItem("More like this");
        more.setId("moreLikeThisMenu");
        more.setOnAction(e -> {
            if (getItem() != null) {
                onMoreLike.accept(getItem());
            }
        });
        MenuItem copy = new MenuItem("Copy path");
        copy.setOnAction(e -> {
            if (getItem() != null) {
                FolderReveal.copyPath(getItem().path());
            }
        });
        menu = new ContextMenu(open, more, copy);
    }

    private final ContextMenu menu;

    private final ThumbnailImages images;

    @Override
    protected void updateItem(Hit hit, boolean empty) {
        super.updateItem(hit, empty);
        if (empty || hit == null) {
            setGraphic(null);
            setTooltip(null);
            setContextMenu(null);
            image.setImage(null);
            return;
        }
        image.setImage(images.of(hit));
        int r = getIndex() + 1;
        rank.setText("#" + r);
        distance.setText("d = " + hit.distance());
        tooltip.setText(hit.path().getFileName() + "\nDistance " + hit.distance() + " bits (where the photo's code"
                + " differs from the query's; a drawing's surer bits count more)"
                + "\nDouble-click to open; right-click for more like this");
        setTooltip(tooltip);
        setContextMenu(menu);
        setGraphic(box);
    }

    /** The image shown (for tests and the viewer). */
    ImageView imageView() {
        return image;
    }
}
