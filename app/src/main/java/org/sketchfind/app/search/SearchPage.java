package org.sketchfind.app.search;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.canvas.CanvasToolbar;
import org.sketchfind.app.canvas.SketchCanvas;
import org.sketchfind.app.canvas.SketchFiles;
import org.sketchfind.app.event.CanvasCommand;
import org.sketchfind.app.event.CollectionTotals;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.ModelActivated;
import org.sketchfind.app.event.SearchCompleted;
import org.sketchfind.app.event.SearchRequest;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Debouncer;
import org.sketchfind.app.kit.Errors;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.results.PhotoViewer;
import org.sketchfind.app.results.ResultsGrid;
import org.sketchfind.engine.Hit;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.QueryImage;
import org.sketchfind.engine.RecordedSketch;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Search by sketch: the canvas on the left, the results grid on the right. Each finished stroke (or undo, redo,
 * erase, clear, top-K or refinement change) schedules a search 250 ms later; the latest request wins. An image file
 * dropped on the canvas or opened searches with that image (as a sketch or as a photo), a result's "More like this"
 * searches with its code; a saved sketch (.ndjson) opens onto the canvas. Top K, pen width and refinement are
 * remembered across restarts.
 */
public final class SearchPage implements Page {
    public static final String ID = "search";
    public static final int DEFAULT_K = 48;
    static final Duration DEBOUNCE = Duration.millis(250);
    static final List<FileDialogs.Filter> OPEN_FILTERS = List.of(
            FileDialogs.Filter.of("Sketches and images", "*.ndjson", "*.jsonl", "*.png", "*.jpg", "*.jpeg", "*.gif",
                    "*.bmp", "*.tif", "*.tiff", "*.webp"),
            FileDialogs.Filter.of("Quick, Draw! sketches", "*.ndjson", "*.jsonl"),
            FileDialogs.Filter.of("All files", "*"));

    private final AppServices services;
    private final SketchCanvas canvas = new SketchCanvas();
    private final SearchRunner runner;
    private final ResultsGrid grid;
    private final Banner banner = new Banner("searchMessage");
    private final Label summary = new Label();
    private final Label querying = new Label();
    private final ChoiceBox<String> imageAs = new ChoiceBox<>();
    private final ComboBox<Integer> topK = new ComboBox<>();
    private final CheckBox refine = new CheckBox("Refine with the top matches");
    private final ImageView searched = new ImageView();
    private final Debouncer debouncer;
    private final SplitPane view;
    private final EventBus bus;
    private final Background io;
    private final AppSettings settings;
    private SearchQuery imageQuery;
    private long indexedPhotos = -1;

    public SearchPage(AppServices services, java.util.function.Consumer<Scene> styler) {
        this.services = services;
        this.bus = services.bus();
        this.io = services.io();
        this.settings = services.settings();
        this.runner = new SearchRunner(services.search(), services.searchExecutor());
        this.debouncer = new Debouncer(DEBOUNCE, this::searchNow);
        this.grid = new ResultsGrid((hit, rank) -> new PhotoViewer(canvas.getScene().getWindow(), hit, rank, styler,
                services.folderOpener(), this::moreLike).show(), this::moreLike);

        canvas.setOnSketchChanged(s -> {
            if (!s.isEmpty() || !canvas.showsImage()) {
                imageQuery = null;
            }
            debouncer.trigger();
        });
        topK.setId("topK");
        topK.getItems().setAll(List.of(12, 24, 48, 96, 200));
        int savedK = settings.getInt(AppSettings.TOP_K, DEFAULT_K);
        topK.setValue(topK.getItems().contains(savedK) ? savedK : DEFAULT_K);
        topK.valueProperty().addListener((o, a, b) -> {
            settings.put(AppSettings.TOP_K, Integer.toString(b));
            debouncer.trigger();
        });
        refine.setId("refineToggle");
        refine.setSelected(settings.getBoolean(AppSettings.EXPAND, false));
        refine.setTooltip(new Tooltip("Query expansion: the sketch's code is refined by a vote with its "
                + PhotoCollection.DEFAULT_EXPAND + " nearest photos, then the collection is ranked again. Off by "
                + "default: it helps when a collection holds many photos of each kind of object, and lowered "
                + "retrieval where it held a few (like the demo photos)."));
        refine.selectedProperty().addListener((o, a, b) -> {
            settings.put(AppSettings.EXPAND, Boolean.toString(b));
            debouncer.trigger();
        });
        imageAs.setId("imageAs");
        imageAs.getItems().setAll("as a sketch", "as a photo");
        imageAs.setValue("as a sketch");
        imageAs.valueProperty().addListener((o, a, b) -> {
            if (imageQuery instanceof SearchQuery.Image i) {
                imageQuery = new SearchQuery.Image(i.image(), b.equals("as a sketch"), i.name());
                searchNow();
            }
        });

        runner.outcomeProperty().addListener((o, a, outcome) -> showOutcome(outcome));
        runner.errorProperty().addListener((o, a, error) -> {
            if (error != null) {
                grid.clear();
                summary.setText("");
                banner.show(Banner.Kind.ERROR, SearchRunner.describe(error));
            }
        });
        bus.subscribe(CanvasCommand.class, this::command);
        bus.subscribe(CollectionTotals.class, this::collectionChanged);
        bus.subscribe(ModelActivated.class, m -> {
            if (hasQuery()) {
                debouncer.trigger();
            }
        });
        bus.subscribe(SearchRequest.class, r -> searchWith(new SearchQuery.LikePhoto(r.photoId(), r.photoName()),
                null));

        view = new SplitPane(canvasSide(), resultsSide());
        view.setId("searchPage");
        view.setDividerPositions(0.42);
        showHint();
    }

    private Node canvasSide() {
        Label title = new Label("Sketch");
        title.getStyleClass().add("page-title");
        Label help = new Label("Draw the outline of what you are looking for, or drop an image here.");
        help.getStyleClass().add("page-subtitle");
        help.setWrapText(true);
        StackPane frame = new StackPane(canvas);
        frame.getStyleClass().add("canvas-frame");
        VBox.setVgrow(frame, Priority.ALWAYS);
        frame.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        frame.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                openFile(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        searched.setId("searchedAs");
        searched.setFitWidth(72);
        searched.setFitHeight(72);
        searched.setPreserveRatio(true);
        StackPane searchedFrame = new StackPane(searched);
        searchedFrame.getStyleClass().add("searched-frame");
        searchedFrame.setMinSize(76, 76);
        searchedFrame.setMaxSize(76, 76);
        Label searchedText = new Label("What the search sees: your strokes fitted to the middle 60 % of a 224 px "
                + "square and drawn 2 px wide, as the engine renders every drawing. The pen width changes only the "
                + "screen.");
        searchedText.setId("searchedAsText");
        searchedText.getStyleClass().add("page-subtitle");
        searchedText.setWrapText(true);
        HBox.setHgrow(searchedText, Priority.ALWAYS);
        HBox searchedRow = new HBox(8, searchedFrame, searchedText);
        searchedRow.setAlignment(Pos.CENTER_LEFT);
        CanvasToolbar toolbar = new CanvasToolbar(canvas, settings.getDouble(AppSettings.PEN_WIDTH, 3),
                w -> settings.put(AppSettings.PEN_WIDTH, String.format(Locale.ROOT, "%.1f", w)),
                this::saveSketch, this::openDialog);
        VBox side = new VBox(8, title, help, toolbar, frame, searchedRow);
        side.getStyleClass().add("page-pane");
        side.setMinWidth(260);
        return side;
    }

    private Node resultsSide() {
        Label title = new Label("Results");
        title.getStyleClass().add("page-title");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("searchBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(runner.runningProperty());
        summary.setId("searchSummary");
        summary.getStyleClass().add("page-subtitle");
        querying.setId("queryDescription");
        querying.getStyleClass().add("page-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label kLabel = new Label("Top");
        HBox head = new HBox(8, title, busy, spacer, refine, kLabel, topK);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox queryRow = new HBox(8, querying, imageAs);
        queryRow.setAlignment(Pos.CENTER_LEFT);
        queryRow.visibleProperty().bind(querying.textProperty().isNotEmpty());
        queryRow.managedProperty().bind(queryRow.visibleProperty());
        BorderPane gridPane = new BorderPane(grid);
        VBox.setVgrow(gridPane, Priority.ALWAYS);
        VBox side = new VBox(8, head, summary, queryRow, banner, gridPane);
        side.getStyleClass().add("page-pane");
        return side;
    }

    private int expand() {
        return refine.isSelected() ? PhotoCollection.DEFAULT_EXPAND : 0;
    }

    private boolean hasQuery() {
        return imageQuery != null || canvas.strokeCountProperty().get() > 0;
    }

    private void searchNow() {
        if (imageQuery != null) {
            runner.request(imageQuery, topK.getValue(), expand());
            return;
        }
        querying.setText("");
        imageAs.setVisible(false);
        List<List<double[]>> strokes = canvas.strokes();
        if (strokes.isEmpty()) {
            runner.reset();
            grid.clear();
            searched.setImage(null);
            showHint();
            return;
        }
        Sketch sketch = Sketch.ofPoints(strokes);
        runner.request(new SearchQuery.Drawing(sketch), topK.getValue(), expand());
        io.call(() -> SwingFXUtils.toFXImage(sketch.raster(), null), searched::setImage, e -> searched.setImage(null));
    }

    /** Searches with {@code query} now (an image, a photo's code), showing {@code shown} in place of the drawing. */
    private void searchWith(SearchQuery query, Image shown) {
        imageQuery = query;
        canvas.showImage(shown);
        searched.setImage(null);
        if (query instanceof SearchQuery.Image i) {
            querying.setText("Searching with " + i.name());
            imageAs.setVisible(true);
            imageAs.setValue(i.asSketch() ? "as a sketch" : "as a photo");
        } else if (query instanceof SearchQuery.LikePhoto p) {
            querying.setText("More like " + p.name());
            imageAs.setVisible(false);
        }
        debouncer.cancel();
        runner.request(query, topK.getValue(), expand());
    }

    /** "More like this" on a result: search with its stored code. */
    public void moreLike(Hit hit) {
        Image thumb = new Image((hit.thumbnail() != null ? hit.thumbnail() : hit.path()).toUri().toString(),
                400, 400, true, true, true);
        searchWith(new SearchQuery.LikePhoto(hit.photoId(), hit.path().getFileName().toString()), thumb);
    }

    private void openDialog() {
        Path f = services.dialogs().openFile(window(), "Open a sketch or an image to search with", OPEN_FILTERS);
        if (f != null) {
            openFile(f);
        }
    }

    /** Opens a sketch file onto the canvas, or searches with an image file. */
    public void openFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            io.call(() -> RecordedSketch.read(file, 1).get(0), d -> {
                imageQuery = null;
                canvas.setStrokes(SketchFiles.toStrokes(d, canvas.getWidth(), canvas.getHeight(), 0.08));
            }, e -> banner.show(Banner.Kind.ERROR, "Cannot open " + file.getFileName() + ": " + message(e)));
        } else {
            io.call(() -> QueryImage.read(file), q -> searchWith(new SearchQuery.Image(q.image(), q.gray(),
                            file.getFileName().toString()), SwingFXUtils.toFXImage(q.image(), null)),
                    e -> banner.show(Banner.Kind.ERROR, "Cannot search with " + file.getFileName() + ": "
                            + message(e)));
        }
    }

    private void saveSketch() {
        if (canvas.strokeCountProperty().get() == 0) {
            return;
        }
        Path f = services.dialogs().saveFile(window(), "Save the sketch", "sketch.ndjson",
                List.of(FileDialogs.Filter.of("Quick, Draw! sketch", "*.ndjson")));
        if (f == null) {
            return;
        }
        Path file = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson") ? f
                : f.resolveSibling(f.getFileName() + ".ndjson");
        RecordedSketch d = SketchFiles.toRecorded(canvas.strokes(), "sketch");
        io.call(() -> {
            RecordedSketch.write(file, List.of(d));
            return file;
        }, p -> banner.show(Banner.Kind.INFO, "Saved the sketch to " + p),
                e -> banner.show(Banner.Kind.ERROR, "Cannot save the sketch: " + message(e)));
    }

    private static String message(Throwable e) {
        return Errors.message(e);
    }

    private void showOutcome(SearchResult outcome) {
        if (outcome == null) {
            return;
        }
        long millis = Math.round(outcome.totalMillis());
        grid.show(outcome.hits());
        summary.setText(outcome.hits().size() + " photos · " + millis + " ms · " + outcome.ranking().label()
                + " ranking · model " + outcome.model() + (refine.isSelected() ? " · refined" : ""));
        if (outcome.hits().isEmpty()) {
            banner.show(Banner.Kind.INFO, "No photos to search yet: add a folder on the Collection page.");
        } else {
            banner.hide();
        }
        bus.publish(new SearchCompleted(outcome.model(), outcome.hits().size(), millis));
    }

    private void showHint() {
        summary.setText("");
        banner.show(Banner.Kind.HINT, "Sketch something on the left — results appear as you draw. An outline with a"
                + " little detail finds more than a quick doodle.");
    }

    /** New photos indexed (or removed) while a query is shown: search again, so results stay current. */
    private void collectionChanged(CollectionTotals s) {
        long before = indexedPhotos;
        indexedPhotos = s.encoded();
        if (before >= 0 && before != s.encoded() && hasQuery()) {
            debouncer.trigger();
        }
    }

    private void command(CanvasCommand c) {
        if (view.getScene() == null || !view.isVisible()) {
            return;
        }
        switch (c) {
            case UNDO -> canvas.undo();
            case REDO -> canvas.redo();
            case CLEAR -> canvas.clear();
            case ERASER -> canvas.eraserProperty().set(!canvas.eraserProperty().get());
            case SAVE -> saveSketch();
            case OPEN -> openDialog();
        }
    }

    public SketchCanvas canvas() {
        return canvas;
    }

    /** How many results a search asks for. */
    public int topK() {
        return topK.getValue();
    }

    /** Whether searches are refined with the top matches (query expansion). */
    public boolean refined() {
        return refine.isSelected();
    }

    public ResultsGrid grid() {
        return grid;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Search";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignI.IMAGE_SEARCH;
    }

    @Override
    public Node view() {
        return view;
    }
}
