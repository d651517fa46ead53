package org.sketchfind.app.results;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.engine.Hit;

import java.util.function.Consumer;

/**
 * A larger view of one result: the photo, its path, rank and distance, "Show in folder" (which says when the desktop
 * could not open it), "Copy path" and "More like this".
 */
public final class PhotoViewer extends Dialog<Void> {
    private final Label status = new Label();

    /**
     * @param styler     styles the dialog's scene like the main window (theme)
     * @param opener     how folders are opened ({@link FolderReveal#desktop()}; null: copy the path instead)
     * @param onMoreLike searches with this photo's code (the dialog closes)
     */
    public PhotoViewer(Window owner, Hit hit, int rank, Consumer<javafx.scene.Scene> styler,
                       FolderReveal.Opener opener, Consumer<Hit> onMoreLike) {
        initOwner(owner);
        setTitle(hit.path().getFileName() + " — Sketchfind");
        setResizable(true);
        Image full = new Image(hit.path().toUri().toString(), 1600, 1600, true, true, true);
        ImageView view = new ImageView(full);
        view.setPreserveRatio(true);
        view.setFitWidth(760);
        view.setFitHeight(520);
        ProgressIndicator loading = new ProgressIndicator();
        loading.visibleProperty().bind(full.progressProperty().lessThan(1));
        Label error = new Label("This photo cannot be shown (moved, deleted or unreadable).");
        error.setVisible(false);
        full.errorProperty().addListener((o, a, failed) -> error.setVisible(failed));
        StackPane frame = new StackPane(view, loading, error);
        frame.getStyleClass().add("viewer-frame");
        frame.setMinSize(400, 300);

        Label path = new Label(hit.path().toString());
        path.setId("viewerPath");
        path.setWrapText(true);
        Label facts = new Label("Rank #" + rank + "   ·   distance " + hit.distance() + " bits");
        facts.setId("viewerFacts");
        facts.getStyleClass().add("viewer-facts");
        status.setId("viewerStatus");
        Button reveal = Buttons.of("showInFolder", "Show in folder", MaterialDesignF.FOLDER_OPEN,
                "Open the folder that holds this photo", () -> {
                    FolderReveal.Outcome o = FolderReveal.reveal(hit.path(), opener, failure -> {
                        if (failure != null) {
                            FolderReveal.copyPath(hit.path());
                        }
                        status.setText(failure == null ? "Asked the file manager to show the folder."
                                : "Cannot open the folder: " + failure + ". Path copied to the clipboard.");
                    });
                    if (o == FolderReveal.Outcome.COPIED) {
                        status.setText("No file manager available: path copied to the clipboard.");
                    } else {
                        status.setText("Opening the folder…");
                    }
                });
        Button copy = Buttons.of("copyPath", "Copy path", MaterialDesignC.CONTENT_COPY, "Copy the photo's path", () -> {
            FolderReveal.copyPath(hit.path());
            status.setText("Path copied to the clipboard.");
        });
        Button more = Buttons.of("viewerMoreLike", "More like this", MaterialDesignI.IMAGE_SEARCH_OUTLINE,
                "Search the collection with this photo's code", () -> {
                    close();
                    onMoreLike.accept(hit);
                });
        HBox actions = new HBox(8, more, reveal, copy, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, frame, facts, path, actions);
        content.setPadding(new Insets(4));
        content.setId("photoViewer");
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStyleClass().add("photo-viewer");
        styler.accept(getDialogPane().getScene());
    }
}
