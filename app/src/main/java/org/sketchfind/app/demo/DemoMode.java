package org.sketchfind.app.demo;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.sketchfind.app.canvas.SketchCanvas;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.Debouncer;
import org.sketchfind.app.results.ResultsGrid;
import org.sketchfind.app.search.SearchQuery;
import org.sketchfind.app.search.SearchRunner;
import org.sketchfind.app.search.SketchSearch;
import org.sketchfind.engine.RecordedSketch;
import org.sketchfind.engine.Sketch;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Demo mode for conferences and kiosks: a large canvas and large results, controls big enough for a finger, and
 * nothing that can change the collection or the models (no pages, no dialogs). After a while without input it runs
 * an attract loop: Quick, Draw! drawings of the demo collection's classes are replayed stroke by stroke with their
 * recorded timing, and the searches happen live as each stroke ends. Any touch, click or key stops the loop and
 * gives the canvas back; Delete or Backspace (or the big button) starts over; left alone, the canvas clears itself
 * and the loop starts again. FX thread only.
 */
public final class DemoMode {
    /** The inactivity after which the attract loop starts (and a visitor's drawing is cleared). */
    public static final Duration DEFAULT_IDLE = Duration.minutes(1);
    /** How long a replayed drawing and its results stay before the next one. */
    static final double HOLD_MS = 4000;
    static final int TOP_K = 24;

    private final SketchCanvas canvas = new SketchCanvas();
    private final SearchRunner runner;
    private final ResultsGrid grid;
    private final Debouncer debouncer;
    private final PauseTransition idle;
    private final Label caption = new Label();
    private final BorderPane root = new BorderPane();
    private final AnimationTimer timer;
    private List<RecordedSketch> drawings = List.of();
    private int next;
    private Replay replay;
    private long replayStart;
    private double doneAt = -1;
    private boolean attracting;

    /**
     * @param drawings the drawings to replay (may arrive later: {@link #setDrawings})
     * @param onLeave  leaves demo mode (Ctrl+Shift+Q); null: it cannot be left from the keyboard
     */
    public DemoMode(SketchSearch search, ExecutorService executor, Duration idleTime, Runnable onLeave) {
        runner = new SearchRunner(search, executor);
        grid = new ResultsGrid(170, (hit, rank) -> { }, hit -> { });
        grid.setId("demoResults");
        debouncer = new Debouncer(Duration.millis(200), this::search);
        canvas.setId("demoCanvas");
        canvas.setLineWidth(6);
        canvas.setOnSketchChanged(s -> debouncer.trigger());
        runner.outcomeProperty().addListener((o, a, r) -> {
            if (r != null) {
                grid.show(r.hits());
            }
        });
        runner.errorProperty().addListener((o, a, e) -> {
            if (e != null) {
                grid.clear();
            }
        });
        idle = new PauseTransition(idleTime);
        idle.setOnFinished(e -> startAttract());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
        build(onLeave);
        invite();
        idle.playFromStart();
    }

    private void build(Runnable onLeave) {
        Label title = new Label("Draw something. Sketchfind finds it among the photos.");
        title.getStyleClass().add("demo-title");
        title.setWrapText(true);
        caption.setId("demoCaption");
        caption.getStyleClass().add("demo-caption");
        caption.setWrapText(true);
        Button reset = Buttons.of("demoReset", "Start over", MaterialDesignR.REFRESH, "Clear the canvas (Delete)",
                this::resetByVisitor);
        Button undo = Buttons.of("demoUndo", "Undo", MaterialDesignU.UNDO, "Undo the last stroke", canvas::undo);
        reset.getStyleClass().add("demo-button");
        undo.getStyleClass().add("demo-button");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(36, 36);
        busy.visibleProperty().bind(runner.runningProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(16, reset, undo, spacer, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        StackPane frame = new StackPane(canvas);
        frame.getStyleClass().add("canvas-frame");
        VBox.setVgrow(frame, Priority.ALWAYS);
        VBox left = new VBox(16, title, caption, frame, buttons);
        left.getStyleClass().add("demo-side");
        left.setPrefWidth(720);
        Label results = new Label("What it found");
        results.getStyleClass().add("demo-title");
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox right = new VBox(16, results, grid);
        right.getStyleClass().add("demo-side");
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(0, left, right);
        HBox.setHgrow(left, Priority.SOMETIMES);
        root.setCenter(body);
        root.setId("demoMode");
        root.getStyleClass().add("demo-mode");
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> visitor());
        root.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> visitor());
        root.addEventFilter(ScrollEvent.SCROLL, e -> visitor());
        root.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> idle.playFromStart());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (onLeave != null && e.getCode() == KeyCode.Q && e.isShortcutDown() && e.isShiftDown()) {
                e.consume();
                close();
                onLeave.run();
                return;
            }
            visitor();
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                resetByVisitor();
                e.consume();
            }
        });
    }

    /** A person is here: the attract loop stops and the canvas is theirs; the idle clock starts again. */
    private void visitor() {
        if (attracting) {
            stopAttract();
            canvas.reset();
        }
        invite();
        idle.playFromStart();
    }

    private void resetByVisitor() {
        stopAttract();
        canvas.reset();
        invite();
        idle.playFromStart();
    }

    private void invite() {
        caption.setText("Use your finger or the mouse. Results appear as you draw.");
    }

    private void search() {
        List<List<double[]>> strokes = canvas.strokes();
        if (strokes.isEmpty()) {
            runner.reset();
            grid.clear();
            return;
        }
        // no query expansion: the demo collection holds 4 photos of a class, where expansion lowers retrieval
        runner.request(new SearchQuery.Drawing(Sketch.ofPoints(strokes)), TOP_K, 0);
    }

    /** Starts the attract loop (also what inactivity does): clears the canvas and replays the next drawing. */
    public void startAttract() {
        canvas.reset();
        if (drawings.isEmpty()) {
            caption.setText("Draw something: a cat, a bicycle, a guitar…");
            idle.playFromStart();
            return;
        }
        attracting = true;
        nextDrawing();
        timer.start();
    }

    private void nextDrawing() {
        canvas.reset();
        RecordedSketch d = drawings.get(next % drawings.size());
        next++;
        replay = new Replay(d, canvas);
        replayStart = -1;
        doneAt = -1;
        caption.setText("Someone drew a " + d.word() + " for Quick, Draw!. Touch the canvas to draw your own.");
    }

    private void tick(long now) {
        if (!attracting || replay == null) {
            return;
        }
        if (replayStart < 0) {
            replayStart = now;
        }
        double ms = (now - replayStart) / 1e6;
        if (doneAt < 0) {
            if (replay.advance(ms)) {
                doneAt = ms;
            }
        } else if (ms - doneAt > HOLD_MS) {
            nextDrawing();
        }
    }

    private void stopAttract() {
        attracting = false;
        timer.stop();
        if (replay != null) {
            replay.abandon();
            replay = null;
        }
    }

    /** The drawings to replay (loaded in the background after the mode opens). */
    public void setDrawings(List<RecordedSketch> list) {
        drawings = List.copyOf(list);
        next = 0;
    }

    /** Stops the timers (leaving demo mode). */
    public void close() {
        stopAttract();
        idle.stop();
        debouncer.cancel();
        runner.reset();
    }

    public boolean attracting() {
        return attracting;
    }

    public SketchCanvas canvas() {
        return canvas;
    }

    public ResultsGrid grid() {
        return grid;
    }

    public Node view() {
        return root;
    }
}
