package org.sketchfind.app.search;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.sketchfind.app.canvas.CanvasToolbar;
import org.sketchfind.app.canvas.SketchCanvas;
import org.sketchfind.app.event.CanvasCommand;
import org.sketchfind.app.event.CollectionTotals;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.SearchCompleted;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Debouncer;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.results.PhotoViewer;
import org.sketchfind.app.results.ResultsGrid;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Search by sketch: the canvas on the left, the results grid on the right. Each finished stroke (or undo, clear,
 * top-K change) schedules a search 250 ms later; the latest request wins.
 */
public final class SearchPage implements Page {
    public static final String ID = "search";
    public static final int DEFAULT_K = 48;
    static final Duration DEBOUNCE = Duration.millis(250);

    private final SketchCanvas canvas = new SketchCanvas();
    private final SearchRunner runner;
    private final ResultsGrid grid;
    private final Banner banner = new Banner("searchMessage");
    private final Label summary = new Label();
    private final ComboBox<Integer> topK = new ComboBox<>();
    private final Debouncer debouncer;
    private final SplitPane view;
    private final EventBus bus;
    private long indexedPhotos = -1;

    public SearchPage(SketchSearch search, ExecutorService executor, EventBus bus, Consumer<Scene> styler) {
        this.bus = bus;
        this.runner = new SearchRunner(search, executor);
        this.debouncer = new Debouncer(DEBOUNCE, this::searchNow);
        this.grid = new ResultsGrid((hit, rank) ->
                new PhotoViewer(canvas.getScene().getWindow(), hit, rank, styler).show());

        canvas.setOnSketchChanged(s -> debouncer.trigger());
        topK.setId("topK");
        topK.getItems().setAll(List.of(12, 24, 48, 96, 200));
        topK.setValue(DEFAULT_K);
        topK.valueProperty().addListener((o, a, b) -> debouncer.trigger());

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

        view = new SplitPane(canvasSide(), resultsSide());
        view.setId("searchPage");
        view.setDividerPositions(0.42);
        showHint();
    }

    private Node canvasSide() {
        Label title = new Label("Sketch");
        title.getStyleClass().add("page-title");
        Label help = new Label("Draw the outline of what you are looking for.");
        help.getStyleClass().add("page-subtitle");
        StackPane frame = new StackPane(canvas);
        frame.getStyleClass().add("canvas-frame");
        VBox.setVgrow(frame, Priority.ALWAYS);
        VBox side = new VBox(8, title, help, new CanvasToolbar(canvas), frame);
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label kLabel = new Label("Top");
        HBox head = new HBox(8, title, busy, spacer, kLabel, topK);
        head.setAlignment(Pos.CENTER_LEFT);
        BorderPane gridPane = new BorderPane(grid);
        VBox.setVgrow(gridPane, Priority.ALWAYS);
        VBox side = new VBox(8, head, summary, banner, gridPane);
        side.getStyleClass().add("page-pane");
        return side;
    }

    private void searchNow() {
        List<List<double[]>> strokes = canvas.strokes();
        if (strokes.isEmpty()) {
            runner.reset();
            grid.clear();
            showHint();
            return;
        }
        runner.request(Sketch.ofPoints(strokes), topK.getValue());
    }

    private void showOutcome(SearchResult outcome) {
        if (outcome == null) {
            return;
        }
        long millis = Math.round(outcome.totalMillis());
        grid.show(outcome.hits());
        summary.setText(outcome.hits().size() + " photos · " + millis + " ms · model " + outcome.model());
        if (outcome.hits().isEmpty()) {
            banner.show(Banner.Kind.INFO, "No photos to search yet: add a folder on the Collection page.");
        } else {
            banner.hide();
        }
        bus.publish(new SearchCompleted(outcome.model(), outcome.hits().size(), millis));
    }

    private void showHint() {
        summary.setText("");
        banner.show(Banner.Kind.HINT, "Sketch something on the left — results appear as you draw.");
    }

    /** New photos indexed (or removed) while a sketch is on the canvas: search again, so results stay current. */
    private void collectionChanged(CollectionTotals s) {
        long before = indexedPhotos;
        indexedPhotos = s.encoded();
        if (before >= 0 && before != s.encoded() && canvas.strokeCountProperty().get() > 0) {
            debouncer.trigger();
        }
    }

    private void command(CanvasCommand c) {
        if (view.getScene() == null || !view.isVisible()) {
            return;
        }
        if (c == CanvasCommand.UNDO) {
            canvas.undo();
        } else {
            canvas.clear();
        }
    }

    public SketchCanvas canvas() {
        return canvas;
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
