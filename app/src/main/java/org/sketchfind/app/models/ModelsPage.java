package org.sketchfind.app.models;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.kit.Formats;
import org.sketchfind.app.kit.Icons;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.kit.TaskProgressView;
import org.sketchfind.engine.ModelInfo;
import org.sketchfind.engine.ScanProgress;

import java.nio.file.Path;
import java.util.List;

/**
 * Every model the app knows with its model card; "Use for search" makes one the collection's model (re-encoding
 * the collection as a job with progress, searches staying on the old model until the new codes are complete).
 */
public final class ModelsPage implements Page {
    public static final String ID = "models";
    private final ModelsModel model;
    private final FileDialogs dialogs;
    private final SplitPane view;
    private final ListView<ModelEntry> list;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final TextArea card = new TextArea();
    private final Banner banner = new Banner("modelsMessage");
    private final TaskProgressView progress;
    private final javafx.beans.InvalidationListener detailsChanged = o -> updateDetails();
    private ModelEntry shown;
    private final Button activate;

    public ModelsPage(ModelsModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        Label title = new Label("Models");
        title.getStyleClass().add("page-title");
        Label sub = new Label("Shipped models, your training runs and model files you added. The model in use "
                + "encodes the photos and every sketch.");
        sub.getStyleClass().add("page-subtitle");
        sub.setWrapText(true);
        list = new ListView<>(model.entries());
        list.setId("modelList");
        list.setCellFactory(l -> new EntryCell());
        list.setPlaceholder(new Label("Looking for models…"));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button add = Buttons.of("addModel", "Add model file…", MaterialDesignF.FILE_PLUS_OUTLINE,
                "List a model file (.zip from a training run or the command line, or .itq)", this::addFile);
        Button remove = Buttons.of("removeModel", "Remove", MaterialDesignC.CLOSE,
                "Forget a model file you added (the file stays on disk)", () -> {
                    ModelEntry e = list.getSelectionModel().getSelectedItem();
                    if (e != null) {
                        model.remove(e);
                    }
                });
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ModelEntry e = list.getSelectionModel().getSelectedItem();
            return e == null || e.source() != ModelEntry.Source.ADDED || e.activeProperty().get();
        }, list.getSelectionModel().selectedItemProperty()));
        HBox actions = new HBox(8, add, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(10, title, sub, actions, list);
        left.getStyleClass().add("page-pane");
        left.setMinWidth(300);

        name.setId("modelName");
        name.getStyleClass().add("section-title");
        name.setWrapText(true);
        facts.setId("modelFacts");
        facts.getStyleClass().add("page-subtitle");
        facts.setWrapText(true);
        activate = Buttons.of("activateModel", "Use for search", MaterialDesignP.PLAY_CIRCLE_OUTLINE,
                "Encode the collection with this model and search with it (searches keep working meanwhile)",
                () -> {
                    ModelEntry e = list.getSelectionModel().getSelectedItem();
                    if (e != null) {
                        model.activate(e);
                    }
                });
        model.activationProperty().addListener((o, a, b) -> updateDetails());
        progress = new TaskProgressView("activation", model::pause, model::resume, model::cancel);
        progress.setId("activationProgress");
        model.progressProperty().addListener((o, a, p) -> showProgress(p));
        model.activationProperty().addListener((o, a, j) -> showProgress(model.progressProperty().get()));
        showProgress(null);
        model.messageProperty().addListener((o, a, m) -> showMessages());
        model.errorProperty().addListener((o, a, m) -> showMessages());
        card.setId("modelCard");
        card.setEditable(false);
        card.setWrapText(true);
        card.getStyleClass().add("model-card");
        VBox.setVgrow(card, Priority.ALWAYS);
        Label cardTitle = new Label("Model card");
        cardTitle.getStyleClass().add("section-title");
        VBox right = new VBox(10, name, facts, activate, progress, banner, cardTitle, card);
        right.getStyleClass().add("page-pane");

        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null || !model.entries().contains(shown)) {
                showDetails(e);
            }
        });
        // a refreshed list keeps the entry that was selected
        model.entries().addListener((javafx.collections.ListChangeListener<ModelEntry>) c -> {
            if (shown != null && model.entries().contains(shown)
                    && list.getSelectionModel().getSelectedItem() != shown) {
                javafx.application.Platform.runLater(() -> list.getSelectionModel().select(shown));
            }
        });
        view = new SplitPane(left, right);
        view.setDividerPositions(0.38);
        view.setId("modelsPage");
    }

    private void addFile() {
        Path f = dialogs.openFile(window(), "Add a model file",
                List.of(FileDialogs.Filter.of("Sketchfind models", "*.zip", "*.itq"),
                        FileDialogs.Filter.of("All files", "*")));
        if (f != null) {
            select(model.add(f, ModelEntry.Source.ADDED));
        }
    }

    /** Selects {@code e} in the list (a finished run's model, say). */
    public void select(ModelEntry e) {
        list.getSelectionModel().select(e);
        list.scrollTo(e);
    }

    private void showDetails(ModelEntry e) {
        if (shown != null) {
            shown.infoProperty().removeListener(detailsChanged);
            shown.errorProperty().removeListener(detailsChanged);
            shown.activeProperty().removeListener(detailsChanged);
        }
        shown = e;
        if (e != null) {
            e.infoProperty().addListener(detailsChanged);
            e.errorProperty().addListener(detailsChanged);
            e.activeProperty().addListener(detailsChanged);
        }
        updateDetails();
    }

    private void updateDetails() {
        ModelEntry e = shown;
        activate.setDisable(e == null || e.activeProperty().get() || e.infoProperty().get() == null
                || model.activationProperty().get() != null);
        if (e == null) {
            name.setText("Choose a model");
            facts.setText("");
            card.setText("");
            return;
        }
        ModelInfo info = e.infoProperty().get();
        name.setText(e.displayName() + (e.activeProperty().get() ? "  (in use)" : ""));
        if (info != null) {
            facts.setText(info.bits() + " bits · backbone " + info.backbone() + " · " + e.source().label()
                    + "\n" + e.file());
            card.setText(info.card() != null ? info.card()
                    : "This model file has no card (an ImageNet-features + ITQ model: " + info.method() + ").");
        } else if (e.errorProperty().get() != null) {
            facts.setText(e.source().label() + "\n" + e.file());
            card.setText("Not a usable model: " + e.errorProperty().get());
        } else {
            facts.setText(e.source().label() + "\n" + e.file());
            card.setText("Reading the model…");
        }
    }

    private void showProgress(ScanProgress p) {
        boolean show = model.activationProperty().get() != null;
        progress.setVisible(show);
        progress.setManaged(show);
        if (!show) {
            return;
        }
        ModelEntry e = model.activatingProperty().get();
        String who = e == null ? "the new model" : e.displayName();
        if (p == null || p.phase() != ScanProgress.Phase.INDEXING || p.total() <= 0) {
            progress.update("Preparing " + who + "…", -1, "Searches keep using the current model meanwhile",
                    p != null && p.paused(), true);
        } else {
            progress.update((p.paused() ? "Paused: " : "Encoding with ") + who + " " + p.done() + " / " + p.total(),
                    (double) p.done() / p.total(), Formats.rate(p.photosPerSecond()) + " · ETA "
                            + Formats.duration(p.etaSeconds()) + " · searches keep using the current model",
                    p.paused(), true);
        }
    }

    private void showMessages() {
        if (model.errorProperty().get() != null) {
            banner.show(Banner.Kind.ERROR, model.errorProperty().get());
        } else if (model.messageProperty().get() != null) {
            banner.show(Banner.Kind.INFO, model.messageProperty().get());
        } else {
            banner.hide();
        }
    }

    /** A model in the list: name, source and bits, and a mark on the one in use. */
    private static final class EntryCell extends ListCell<ModelEntry> {
        @Override
        protected void updateItem(ModelEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label n = new Label();
            n.getStyleClass().add("folder-name");
            n.textProperty().bind(Bindings.createStringBinding(e::displayName, e.infoProperty()));
            Label d = new Label();
            d.getStyleClass().add("folder-path");
            d.textProperty().bind(Bindings.createStringBinding(() -> e.source().label() + " · "
                    + (e.infoProperty().get() != null ? e.infoProperty().get().bits() + " bits · " : "")
                    + (e.errorProperty().get() != null ? "cannot be read · " : "")
                    + e.file().getFileName(), e.infoProperty(), e.errorProperty()));
            n.setMinWidth(0);
            d.setMinWidth(0);
            VBox text = new VBox(2, n, d);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label inUse = new Label("in use", Icons.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE, 14));
            inUse.setId("modelInUse");
            inUse.getStyleClass().addAll("state-complete", "in-use-badge");
            inUse.setMinWidth(Region.USE_PREF_SIZE);
            inUse.visibleProperty().bind(e.activeProperty());
            inUse.managedProperty().bind(e.activeProperty());
            HBox row = new HBox(10, Icons.of(MaterialDesignB.BRAIN, 22), text, inUse);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(0);
            setText(null);
            setGraphic(row);
            setPrefWidth(0); // follow the list's width: long names are cut with an ellipsis, no sideways scrolling
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Models";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignB.BRAIN;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    public ModelsModel model() {
        return model;
    }
}
