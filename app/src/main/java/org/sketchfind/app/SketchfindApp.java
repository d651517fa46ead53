package org.sketchfind.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.sketchfind.app.collection.FolderPicker;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.search.EngineSketchSearch;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.Sketchfind;

import java.util.prefs.Preferences;

/**
 * The Sketchfind desktop app: shows its window at once, opens the collection (loading the model) on an engine
 * thread, then builds the main window on it; remembers the window's place. Nothing slow runs on the FX thread.
 */
public final class SketchfindApp extends Application {
    /** System property naming the preferences node (tests use their own, so they leave the user's alone). */
    public static final String PREFS_PROPERTY = "sketchfind.prefsNode";
    private final Sketchfind engine = new Sketchfind();
    private AppServices services;
    private Stage stage;
    private WindowState place;
    private boolean stopped;

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node(System.getProperty(PREFS_PROPERTY, "org/sketchfind/app"));
        WindowState place = new WindowState(prefs.node("window"));
        stage.setTitle("Sketchfind");
        stage.setScene(loadingScene());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setFullScreenExitHint("Press F11 or Esc to leave full screen");
        place.restore(stage, 1200, 780);
        this.stage = stage;
        this.place = place;
        stage.show();
        engine.openCollectionInBackground(AppPaths.dataDirOverride()).future().whenComplete((photos, error) ->
                Platform.runLater(() -> {
                    if (error != null) {
                        cannotStart(error);
                    } else {
                        show(photos, prefs);
                    }
                }));
    }

    private static Scene loadingScene() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(48, 48);
        Label text = new Label("Loading the model and the photo collection…");
        text.setId("loadingMessage");
        VBox box = new VBox(16, busy, text);
        box.setAlignment(Pos.CENTER);
        return new Scene(box, 1200, 780);
    }

    private void show(PhotoCollection photos, Preferences prefs) {
        if (stopped) {
            photos.close(); // the window was closed while the model loaded
            return;
        }
        EventBus bus = new EventBus();
        services = new AppServices(bus, new ThemeManager(bus, prefs), photos, new EngineSketchSearch(photos));
        MainWindow window = new MainWindow(services, FolderPicker.directoryChooser());
        stage.setScene(window.createScene(stage.getScene().getWidth(), stage.getScene().getHeight()));
        services.collection().start(AppPaths.repoRoot());
    }

    private void cannotStart(Throwable error) {
        Alert a = new Alert(Alert.AlertType.ERROR, "The photo catalogue cannot be opened:\n" + error.getMessage()
                + "\n\nIs another Sketchfind running? Choose another data folder with --data-dir DIR.");
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
        if (services != null) {
            services.close();
        }
        engine.close();
    }
}
