package org.sketchfind.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.sketchfind.app.canvas.SketchCanvas;
import org.sketchfind.app.collection.FolderPicker;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.kit.Errors;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.search.EngineSketchSearch;
import org.sketchfind.app.search.SearchPage;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.Sketchfind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The Sketchfind desktop app: shows its window at once, opens the collection (loading the model the user last made
 * active on this catalogue, else the shipped default) on an engine thread, then builds the main window on it;
 * remembers the window's place. Nothing slow runs on the FX thread. Closing the window while a training run goes on
 * stops the run with a checkpoint first (it can be resumed from the Training page).
 */
public final class SketchfindApp extends Application {
    /** System property naming the preferences node (tests use their own, so they leave the user's alone). */
    public static final String PREFS_PROPERTY = "sketchfind.prefsNode";
    /** System property: seconds without input before demo mode's attract loop (default 60). */
    public static final String DEMO_IDLE_PROPERTY = "sketchfind.demo.idleSeconds";
    private Sketchfind engine;
    private AppServices services;
    private MainWindow window;
    private Stage stage;
    private WindowState place;
    private boolean stopped;
    private boolean closing;
    private SketchCanvas early;

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node(System.getProperty(PREFS_PROPERTY, "org/sketchfind/app"));
        WindowState place = new WindowState(prefs.node("window"));
        AppSettings settings = new AppSettings(prefs.node("settings"));
        stage.setTitle("Sketchfind");
        stage.setScene(loadingScene(settings, prefs));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setFullScreenExitHint("Press F11 or Esc to leave full screen");
        place.restore(stage, 1200, 780);
        this.stage = stage;
        this.place = place;
        stage.setOnCloseRequest(e -> {
            if (services != null && services.training().running() && !closing) {
                e.consume();
                closing = true;
                stage.setTitle("Sketchfind — stopping the training run (writing a checkpoint)…");
                services.training().stopForExit().whenComplete((r, t) -> Platform.runLater(stage::close));
            }
        });
        SingleInstance instance = SingleInstance.current();
        if (instance != null) {
            instance.setOnActivate(() -> Platform.runLater(() -> {
                stage.setIconified(false);
                stage.show();
                stage.toFront();
                stage.requestFocus();
            }));
        }
        stage.show();
        StartupTiming.interactive(stage.getScene(), "canvas");
        Path dataDir = AppPaths.dataDirOverride() != null ? AppPaths.dataDirOverride() : Sketchfind.defaultDataDir();
        String active = settings.activeModel(dataDir.toString());
        engine = active != null && Files.isRegularFile(Path.of(active)) ? new Sketchfind(Path.of(active))
                : new Sketchfind();
        engine.openCollectionInBackground(AppPaths.dataDirOverride()).future().whenComplete((photos, error) ->
                Platform.runLater(() -> {
                    if (error != null) {
                        cannotStart(dataDir, error);
                    } else {
                        show(photos, prefs, settings);
                    }
                }));
    }

    /**
     * The first scene, shown before the model has loaded: a canvas that already takes strokes, and a note that the
     * search follows. What is drawn here moves onto the Search page when the main window arrives.
     */
    private Scene loadingScene(AppSettings settings, Preferences prefs) {
        early = new SketchCanvas();
        early.setLineWidth(settings.getDouble(AppSettings.PEN_WIDTH, 3));
        StackPane frame = new StackPane(early);
        frame.getStyleClass().add("canvas-frame");
        VBox.setVgrow(frame, Priority.ALWAYS);
        Label title = new Label("Sketch");
        title.getStyleClass().add("page-title");
        Label help = new Label("Draw the outline of what you are looking for.");
        help.getStyleClass().add("page-subtitle");
        VBox left = new VBox(8, title, help, frame);
        left.getStyleClass().add("page-pane");
        left.setPrefWidth(500);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(48, 48);
        Label text = new Label("Loading the model and the photo collection… you can start drawing: the search "
                + "runs as soon as the model is ready.");
        text.setId("loadingMessage");
        text.setWrapText(true);
        VBox right = new VBox(16, busy, text);
        right.setAlignment(Pos.CENTER);
        right.getStyleClass().add("page-pane");
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(left, right);
        box.setId("startView");
        Scene scene = new Scene(box, 1200, 780);
        new ThemeManager(new EventBus(), prefs).manage(scene);
        return scene;
    }

    private void show(PhotoCollection photos, Preferences prefs, AppSettings settings) {
        if (stopped) {
            photos.close(); // the window was closed while the model loaded
            return;
        }
        EventBus bus = new EventBus();
        services = new AppServices(bus, new ThemeManager(bus, prefs), photos, new EngineSketchSearch(photos), engine,
                settings, FileDialogs.platform(), AppPaths.repoRoot());
        window = new MainWindow(services, FolderPicker.directoryChooser());
        List<List<double[]>> drawn = early.strokes();
        stage.setScene(window.createScene(stage.getScene().getWidth(), stage.getScene().getHeight()));
        if (!drawn.isEmpty()) {
            ((SearchPage) window.page(SearchPage.ID)).canvas().setStrokes(drawn);
        }
        early = null;
        services.collection().start(AppPaths.repoRoot());
        StartupTiming.interactive(stage.getScene(), "search");
        if (Boolean.getBoolean(LaunchOptions.DEMO_PROPERTY)) {
            window.setDemoIdle(Duration.seconds(Double.parseDouble(System.getProperty(DEMO_IDLE_PROPERTY, "60"))));
            window.lockDemo();
            window.enterDemo();
        }
    }

    /** The main window once the collection is open (null before). */
    public MainWindow window() {
        return window;
    }

    private void cannotStart(Path dataDir, Throwable error) {
        String problem = AppPaths.dataDirProblem(dataDir, AppPaths.dataDirOverride() != null);
        Alert a = new Alert(Alert.AlertType.ERROR, (problem != null ? problem
                : "The photo catalogue in " + dataDir + " cannot be opened:\n" + Errors.message(error))
                + "\n\nChoose another data folder with --data-dir DIR.");
        a.setHeaderText("Sketchfind cannot start");
        a.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        stopped = true;
        if (stage != null) {
            place.save(stage); // the last window closed (or the app quits): remember where it was
        }
        if (window != null) {
            window.leaveDemo();
        }
        if (services != null) {
            services.close();
        }
        if (engine != null) {
            engine.close();
        }
        SingleInstance instance = SingleInstance.current();
        if (instance != null) {
            instance.close();
        }
    }
}
