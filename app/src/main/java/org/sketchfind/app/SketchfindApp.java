package org.sketchfind.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.sketchfind.app.collection.FolderPicker;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.search.EngineSketchSearch;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.index.CatalogueService;

import java.util.prefs.Preferences;

/** The Sketchfind desktop app: opens the catalogue, builds the main window, remembers its place. */
public final class SketchfindApp extends Application {
    /** System property naming the preferences node (tests use their own, so they leave the user's alone). */
    public static final String PREFS_PROPERTY = "sketchfind.prefsNode";
    private AppServices services;
    private Stage stage;
    private WindowState place;

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node(System.getProperty(PREFS_PROPERTY, "org/sketchfind/app"));
        Sketchfind engine = new Sketchfind();
        CatalogueService catalogue;
        try {
            catalogue = engine.catalogue(AppPaths.dataDirOverride());
        } catch (Exception e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "The photo catalogue cannot be opened:\n" + e.getMessage()
                    + "\n\nIs another Sketchfind running? Choose another data folder with --data-dir DIR.");
            a.setHeaderText("Sketchfind cannot start");
            a.showAndWait();
            Platform.exit();
            return;
        }
        EventBus bus = new EventBus();
        services = new AppServices(bus, new ThemeManager(bus, prefs), catalogue,
                new EngineSketchSearch(engine, catalogue));
        MainWindow window = new MainWindow(services, FolderPicker.directoryChooser());
        WindowState place = new WindowState(prefs.node("window"));
        stage.setTitle("Sketchfind");
        stage.setScene(window.createScene(1200, 780));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setFullScreenExitHint("Press F11 or Esc to leave full screen");
        place.restore(stage, 1200, 780);
        this.stage = stage;
        this.place = place;
        stage.show();
        services.collection().start(AppPaths.repoRoot());
    }

    @Override
    public void stop() {
        if (stage != null) {
            place.save(stage); // the last window closed (or the app quits): remember where it was
        }
        if (services != null) {
            services.close();
        }
    }
}
