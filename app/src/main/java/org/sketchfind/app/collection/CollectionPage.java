package org.sketchfind.app.collection;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.Formats;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.kit.TaskProgressView;
import org.sketchfind.engine.CollectionStatus;
import org.sketchfind.engine.ScanProgress;
import org.sketchfind.engine.ScanReport;

import java.nio.file.Path;

/** The photo collection: folders with their scan state, add/remove/rescan, live scan progress, skipped files. */
public final class CollectionPage implements Page {
    public static final String ID = "collection";
    private final CollectionModel model;
    private final FolderPicker picker;
    private final VBox view;
    private final ListView<CollectionStatus.Folder> folderList;
    private final TaskProgressView progress;
    private final Label totals = new Label();
    private final Label lastScan = new Label();
    private final Banner banner = new Banner("collectionMessage");

    public CollectionPage(CollectionModel model, FolderPicker picker) {
        this.model = model;
        this.picker = picker;

        Label title = new Label("Collection");
        title.getStyleClass().add("page-title");
        totals.setId("photoCount");
        totals.getStyleClass().add("page-subtitle");
        totals.textProperty().bind(Bindings.createStringBinding(() ->
                        Formats.count(model.photosProperty().get(), "photo", "photos") + " catalogued · "
                                + Formats.count(model.encodedProperty().get(), "photo", "photos")
                                + " indexed by " + model.modelProperty().get() + " · "
                                + Formats.count(model.folders().size(), "folder", "folders"),
                model.photosProperty(), model.encodedProperty(), model.modelProperty(), model.folders()));

        folderList = new ListView<>(model.folders());
        folderList.setId("folderList");
        folderList.setCellFactory(l -> new FolderCell());
        folderList.setPlaceholder(new Label("No folders yet. Add a folder of photos to search it by sketch."));
        folderList.setPrefHeight(200);

        Button add = Buttons.of("addFolder", "Add folder…", MaterialDesignF.FOLDER_PLUS,
                "Add a folder of photos to the collection", this::addFolder);
        Button remove = Buttons.of("removeFolder", "Remove", MaterialDesignF.FOLDER_REMOVE,
                "Forget the selected folder (the photos stay on disk)", this::removeSelected);
        remove.disableProperty().bind(folderList.getSelectionModel().selectedItemProperty().isNull());
        Button rescan = Buttons.of("rescan", "Rescan", MaterialDesignR.REFRESH,
                "Look for new, changed and deleted photos", model::rescan);
        HBox actions = new HBox(8, add, remove, rescan);
        actions.setAlignment(Pos.CENTER_LEFT);

        progress = new TaskProgressView("scan", model::pause, model::resume, model::cancel);
        progress.setId("scanProgress");
        model.progressProperty().addListener((o, a, p) -> showProgress(p));
        showProgress(null);

        lastScan.setId("lastScan");
        lastScan.getStyleClass().add("page-subtitle");
        model.lastResultProperty().addListener((o, a, r) -> lastScan.setText(describe(r)));
        model.errorProperty().addListener((o, a, e) -> {
            if (e != null) {
                banner.show(Banner.Kind.ERROR, e);
            } else {
                banner.hide();
            }
        });

        Label skippedTitle = new Label("Skipped files");
        skippedTitle.getStyleClass().add("section-title");
        SkippedTable skipped = new SkippedTable(model.skipped());
        skipped.setPrefHeight(180);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        Label foldersTitle = new Label("Folders");
        foldersTitle.getStyleClass().add("section-title");
        Region gap = new Region();
        gap.setMinHeight(4);

        view = new VBox(10, title, totals, banner, foldersTitle, actions, folderList, progress, lastScan, gap,
                skippedTitle, skipped);
        view.setId("collectionPage");
        view.getStyleClass().addAll("page-pane", "collection-page");
    }

    private void addFolder() {
        Path chosen = picker.pick(view.getScene() == null ? null : view.getScene().getWindow());
        if (chosen != null) {
            model.errorProperty().set(null);
            model.addFolder(chosen);
        }
    }

    private void removeSelected() {
        CollectionStatus.Folder f = folderList.getSelectionModel().getSelectedItem();
        if (f != null) {
            model.errorProperty().set(null);
            model.removeFolder(f.path());
        }
    }

    private void showProgress(ScanProgress p) {
        boolean show = p != null && p.phase() != ScanProgress.Phase.DONE;
        progress.setVisible(show);
        progress.setManaged(show);
        if (!show) {
            return;
        }
        double fraction = p.phase() == ScanProgress.Phase.INDEXING && p.total() > 0
                ? (double) p.done() / p.total() : -1;
        String title = switch (p.phase()) {
            case WALKING -> "Looking for photos… " + Formats.count(p.filesSeen(), "file", "files") + " found";
            case INDEXING -> (p.paused() ? "Paused: " : "Indexing ") + p.done() + " / " + p.total();
            case CLEANING -> "Cleaning up removed files…";
            case DONE -> "Done";
        };
        String detail = Formats.rate(p.photosPerSecond()) + " · ETA " + Formats.duration(p.etaSeconds())
                + " · " + p.skipped() + " skipped";
        progress.update(title, fraction, detail, p.paused(), model.handleProperty().get() != null);
    }

    static String describe(ScanReport r) {
        if (r == null) {
            return "";
        }
        return (r.cancelled() ? "Last scan cancelled after " : "Last scan: ")
                + r.added() + " added, " + r.updated() + " updated, " + r.moved() + " moved, " + r.removed()
                + " removed, " + r.skipped() + " skipped in " + Formats.duration(r.seconds());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Collection";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignI.IMAGE_MULTIPLE;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShown() {
        model.refresh();
    }
}
