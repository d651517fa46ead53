package org.sketchfind.app.research;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.Exports;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.kit.Form;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.kit.PathField;
import org.sketchfind.app.kit.ScatterPlot;
import org.sketchfind.app.kit.Formats;
import org.sketchfind.app.kit.JobProgress;
import org.sketchfind.app.kit.SplitColumns;
import org.sketchfind.app.models.ModelEntry;
import org.sketchfind.app.models.ModelsModel;
import org.sketchfind.engine.DatasetRequest;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TsneRequest;
import org.sketchfind.engine.TsneResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * t-SNE of a model's codes of seen and unseen sketches and photos, computed as the engine's job: an interactive
 * scatter where colour tells seen from unseen classes and the marker sketches from photos (the legend toggles the
 * four groups), hovering shows the item's thumbnail and class, a click shows the item with its nearest neighbours in
 * Hamming space; the wheel zooms, a drag pans, a double-click resets; PNG and CSV export.
 */
public final class TsnePage implements Page {
    public static final String ID = "tsne";
    /** The four groups: colour = seen / unseen classes, marker = sketch / photo. */
    static final List<ScatterPlot.Group> GROUPS = List.of(
            new ScatterPlot.Group("seen sketches", Color.web("#3b6fd8"), ScatterPlot.Marker.CIRCLE),
            new ScatterPlot.Group("seen photos", Color.web("#3b6fd8"), ScatterPlot.Marker.SQUARE),
            new ScatterPlot.Group("unseen sketches", Color.web("#e8762b"), ScatterPlot.Marker.TRIANGLE),
            new ScatterPlot.Group("unseen photos", Color.web("#e8762b"), ScatterPlot.Marker.DIAMOND));

    private final Sketchfind engine;
    private final ModelsModel models;
    private final FileDialogs dialogs;
    private final Background io;
    private final Path outRoot;
    private final SplitPane view;
    private final ComboBox<ModelEntry> model = new ComboBox<>();
    private final PathField data;
    private final PathField cache;
    private final ComboBox<String> split = new ComboBox<>();
    private final TextField points;
    private final TextField perplexity;
    private final TextField seed;
    private final Button compute;
    private final JobProgress progress;
    private final Banner banner = new Banner("tsneMessage");
    private final ScatterPlot plot = new ScatterPlot();
    private final VBox hoverCard = new VBox(4);
    private final ImageView hoverImage = new ImageView();
    private final Label hoverText = new Label();
    private final List<CheckBox> legend = new ArrayList<>();
    private final VBox details = new VBox(8);
    private final Label selectedText = new Label();
    private final ImageView selectedImage = new ImageView();
    private final ListView<TsneResult.Neighbour> neighbours = new ListView<>();
    private final Label summary = new Label();
    private TsneResult result;
    /** The entry this page chose as the model in use (a different value is the user's choice). */
    private ModelEntry autoChosen;

    public TsnePage(Sketchfind engine, ModelsModel models, FileDialogs dialogs, Background io, Path outRoot) {
        this.engine = engine;
        this.models = models;
        this.dialogs = dialogs;
        this.io = io;
        this.outRoot = outRoot;
        Form form = new Form();
        model.setId("tsneModel");
        model.setItems(models.entries());
        model.setMaxWidth(Double.MAX_VALUE);
        model.setCellFactory(l -> new EntryCell());
        model.setButtonCell(new EntryCell());
        // after the combo box's own reaction to the new list; and again whenever another model is made active
        models.entries().addListener((javafx.collections.ListChangeListener<ModelEntry>) c ->
                javafx.application.Platform.runLater(this::chooseActive));
        models.activeFileProperty().addListener((o, a, b) -> chooseActive());
        form.row("Model", model, "Whose codes to embed (the model in use by default)");
        data = form.row("Data folder", new PathField("tsneData", null, () -> dialogs.pickFolder(window(),
                "Data set with photo/, sketch/ and classes.tsv", null)), "A data set with a split column");
        split.setId("tsneSplit");
        split.setEditable(true);
        split.setValue(DatasetRequest.DEFAULT_SPLIT);
        split.setMaxWidth(Double.MAX_VALUE);
        form.row("Split column", split, "Which classes are seen and which unseen");
        points = form.row("Points", Form.text("tsnePoints", 1000), "Points in all: every unseen item up to half "
                + "of them, the rest drawn from the seen classes");
        perplexity = form.row("Perplexity", Form.text("tsnePerplexity", 30), "Lowered for small sets");
        seed = form.row("Seed", Form.text("tsneSeed", 42), "Sampling and initialisation");
        cache = form.row("Feature cache", new PathField("tsneCache", null, () -> dialogs.pickFolder(window(),
                "Feature cache folder", null)), "Empty: the per-user cache");
        data.field().textProperty().addListener((o, a, b) -> SplitColumns.load(data.path(), split, io));
        compute = Buttons.of("computeTsne", "Compute", MaterialDesignG.GRAIN, "Compute the t-SNE as a job",
                this::start);
        progress = new JobProgress("tsne", banner, compute);
        Label title = new Label("t-SNE");
        title.getStyleClass().add("page-title");
        Label sub = new Label("Where a model puts seen and unseen classes, sketches and photos, in 2-D.");
        sub.getStyleClass().add("page-subtitle");
        sub.setWrapText(true);
        VBox left = new VBox(10, title, sub, form, compute, progress.view(), banner, detailsPane());
        left.getStyleClass().add("page-pane");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(330);

        plot.setId("tsnePlot");
        plot.setOnHover(this::hover);
        plot.setOnPointClicked(this::select);
        hoverImage.setFitWidth(96);
        hoverImage.setFitHeight(96);
        hoverImage.setPreserveRatio(true);
        hoverText.setId("tsneHoverText");
        hoverCard.setId("tsneHover");
        hoverCard.getChildren().addAll(hoverImage, hoverText);
        hoverCard.getStyleClass().add("hover-card");
        hoverCard.setPadding(new Insets(6));
        hoverCard.setMouseTransparent(true);
        hoverCard.setVisible(false);
        hoverCard.setManaged(false);
        Pane overlay = new Pane(hoverCard);
        overlay.setMouseTransparent(true);
        StackPane plotArea = new StackPane(plot, overlay);
        VBox.setVgrow(plotArea, Priority.ALWAYS);
        FlowPane legendRow = new FlowPane(14, 6);
        legendRow.setId("tsneLegend");
        for (int i = 0; i < GROUPS.size(); i++) {
            int g = i;
            CheckBox box = new CheckBox(GROUPS.get(i).name());
            box.setGraphic(swatch(GROUPS.get(i)));
            box.setId("tsneGroup" + i);
            box.setSelected(true);
            box.selectedProperty().addListener((o, a, b) -> plot.setGroupVisible(g, b));
            legend.add(box);
            legendRow.getChildren().add(box);
        }
        Button png = Buttons.of("tsnePng", "PNG", MaterialDesignF.FILE_IMAGE_OUTLINE, "Export the plot as PNG",
                this::exportPng);
        Button csv = Buttons.of("tsneCsv", "CSV", MaterialDesignF.FILE_DELIMITED_OUTLINE,
                "Export the points (position, class, split, modality, file, code) as CSV", this::exportCsv);
        Button reset = Buttons.of("tsneReset", "Reset view", MaterialDesignC.CROP_FREE,
                "Whole plot (also: double-click)", plot::resetView);
        png.disableProperty().bind(compute.disableProperty());
        csv.disableProperty().bind(compute.disableProperty());
        summary.setId("tsneSummary");
        summary.getStyleClass().add("page-subtitle");
        HBox tools = new HBox(8, legendRow, reset, png, csv);
        tools.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(legendRow, Priority.ALWAYS);
        Label help = new Label("Wheel: zoom · drag: pan · hover: thumbnail · click: nearest neighbours in Hamming "
                + "space");
        help.getStyleClass().add("page-subtitle");
        VBox right = new VBox(8, summary, tools, plotArea, help);
        right.getStyleClass().add("page-pane");
        view = new SplitPane(leftScroll, right);
        view.setDividerPositions(0.34);
        view.setId("tsnePage");
        chooseActive();
        setResultControls(false);
    }

    private Node detailsPane() {
        Label t = new Label("Selected point");
        t.getStyleClass().add("section-title");
        selectedText.setId("tsneSelected");
        selectedText.setWrapText(true);
        selectedImage.setFitWidth(140);
        selectedImage.setFitHeight(140);
        selectedImage.setPreserveRatio(true);
        neighbours.setId("tsneNeighbours");
        neighbours.setPrefHeight(260);
        neighbours.setPlaceholder(new Label("Click a point to see it and its nearest neighbours in Hamming space."));
        neighbours.setCellFactory(l -> new NeighbourCell());
        details.getChildren().addAll(t, selectedImage, selectedText, neighbours);
        return details;
    }

    private static Node swatch(ScatterPlot.Group g) {
        Canvas c = new Canvas(14, 14);
        ScatterPlot.marker(c.getGraphicsContext2D(), g, 7, 7, 10, 1);
        return c;
    }

    /** Shows the model in use, unless the user chose another one. */
    private void chooseActive() {
        ModelEntry v = model.getValue();
        if (v != null && v != autoChosen && models.entries().contains(v)) {
            return;
        }
        for (ModelEntry e : models.entries()) {
            if (e.activeProperty().get()) {
                autoChosen = e;
                model.setValue(e);
                return;
            }
        }
    }

    private void start() {
        TsneRequest r;
        try {
            if (data.path() == null) {
                throw new IllegalArgumentException("Choose a data folder.");
            }
            ModelEntry m = model.getValue();
            r = new TsneRequest(m == null ? null : m.file(), data.path(), Form.readInt(points, "Points", 10),
                    Form.readDouble(perplexity, "Perplexity"), Form.readLong(seed, "Seed", Long.MIN_VALUE),
                    outRoot.resolve("tsne-" + Formats.stamp()), "tsne", split.getValue(), cache.path());
        } catch (IllegalArgumentException e) {
            banner.show(Banner.Kind.ERROR, e.getMessage());
            return;
        }
        progress.track("t-SNE", engine.tsne(r, progress.listener()), this::show);
    }

    /** Shows a computed t-SNE (also what the screenshot program calls). */
    public void show(TsneResult res) {
        result = res;
        int n = res.items().size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            TsneResult.Item it = res.items().get(i);
            x[i] = it.x();
            y[i] = it.y();
            g[i] = (it.unseen() ? 2 : 0) + (it.sketch() ? 0 : 1);
        }
        plot.setData(GROUPS, x, y, g);
        for (int i = 0; i < legend.size(); i++) {
            plot.setGroupVisible(i, legend.get(i).isSelected());
        }
        summary.setText(String.format(Locale.ROOT, "%s · %d points (%d unseen) · KL %s · %.1f s", res.model(), n,
                res.unseen(), res.kl() == null ? "—" : String.format(Locale.ROOT, "%.3f", res.kl()), res.seconds()));
        selectedText.setText("");
        selectedImage.setImage(null);
        neighbours.getItems().clear();
        setResultControls(true);
    }

    private void setResultControls(boolean has) {
        for (CheckBox b : legend) {
            b.setDisable(!has);
        }
    }

    private void hover(Integer i, Point2D at) {
        if (i == null || i < 0 || result == null) {
            hoverCard.setVisible(false);
            return;
        }
        TsneResult.Item it = result.items().get(i);
        hoverImage.setImage(new Image(it.path().toUri().toString(), 96, 96, true, true, true));
        hoverText.setText(it.className() + "\n" + (it.unseen() ? "unseen" : "seen") + " class, "
                + (it.sketch() ? "sketch" : "photo"));
        hoverCard.setVisible(true);
        hoverCard.autosize();
        double x = Math.min(at.getX() + 14, Math.max(0, plot.getWidth() - 120));
        double y = Math.min(at.getY() + 14, Math.max(0, plot.getHeight() - 140));
        hoverCard.relocate(x, y);
    }

    /** Shows point {@code i} with its nearest neighbours in Hamming space. */
    public void select(int i) {
        if (result == null) {
            return;
        }
        TsneResult.Item it = result.items().get(i);
        selectedImage.setImage(new Image(it.path().toUri().toString(), 140, 140, true, true, true));
        selectedText.setText(it.className() + " · " + (it.unseen() ? "unseen" : "seen") + " class · "
                + (it.sketch() ? "sketch" : "photo") + "\n" + it.path().getFileName() + "\ncode " + it.hex());
        neighbours.getItems().setAll(result.nearest(i, 10));
    }

    private void exportPng() {
        Path f = dialogs.saveFile(window(), "Export the t-SNE plot", "tsne.png",
                List.of(FileDialogs.Filter.of("PNG image", "*.png")));
        if (f != null) {
            Exports.png(plot.snapshotImage(), Exports.withExtension(f, ".png"), io,
                    p -> banner.show(Banner.Kind.INFO, "Saved " + p), e -> banner.show(Banner.Kind.ERROR,
                            "Cannot save: " + e.getMessage()));
        }
    }

    private void exportCsv() {
        if (result == null) {
            return;
        }
        Path f = dialogs.saveFile(window(), "Export the t-SNE points", "tsne.csv",
                List.of(FileDialogs.Filter.of("CSV", "*.csv")));
        if (f == null) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TsneResult.Item it : result.items()) {
            rows.add(List.of(it.x(), it.y(), it.className(), it.unseen() ? "unseen" : "seen",
                    it.sketch() ? "sketch" : "photo", it.path().toString(), it.hex()));
        }
        Exports.csv(Exports.withExtension(f, ".csv"), List.of("x", "y", "class", "split", "modality", "path", "code"),
                rows, io, p -> banner.show(Banner.Kind.INFO, "Saved " + p),
                e -> banner.show(Banner.Kind.ERROR, "Cannot save: " + e.getMessage()));
    }

    /** A neighbour: thumbnail, class, Hamming distance, whether it shares the selected item's class. */
    private final class NeighbourCell extends ListCell<TsneResult.Neighbour> {
        private final ImageView image = new ImageView();

        NeighbourCell() {
            image.setFitWidth(44);
            image.setFitHeight(44);
            image.setPreserveRatio(true);
        }

        @Override
        protected void updateItem(TsneResult.Neighbour n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null || result == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            TsneResult.Item it = result.items().get(n.index());
            image.setImage(new Image(it.path().toUri().toString(), 44, 44, true, true, true));
            setGraphic(image);
            setText("d = " + n.distance() + " · " + it.className() + " · " + (it.sketch() ? "sketch" : "photo")
                    + (it.unseen() ? " · unseen" : ""));
        }
    }

    private static final class EntryCell extends ListCell<ModelEntry> {
        @Override
        protected void updateItem(ModelEntry e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : e.displayName() + (e.activeProperty().get() ? " (in use)" : ""));
        }
    }

    /** Fills the form (tests and the screenshot program). */
    public void fill(Path dataDir, Path cacheDir, int pointCount) {
        data.setPath(dataDir);
        cache.setPath(cacheDir);
        points.setText(Integer.toString(pointCount));
    }

    public ScatterPlot plot() {
        return plot;
    }

    public TsneResult result() {
        return result;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "t-SNE";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignG.GRAIN;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShown() {
        models.refresh();
        chooseActive();
    }
}
