package org.sketchfind.app;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.demo.DemoCollection;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/** The real app as {@code ./sketchfind-app} starts it: data folder from the system property, demo collection. */
class AppLaunchTest {
    private static final String PREFS = "org/sketchfind/app-test-" + ProcessHandle.current().pid();
    @TempDir
    Path tmp;
    private Application app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty(AppPaths.DATA_DIR_PROPERTY);
        System.clearProperty(AppPaths.ROOT_PROPERTY);
        System.clearProperty(SketchfindApp.PREFS_PROPERTY);
        Preferences.userRoot().node(PREFS).removeNode();
    }

    @Test
    void firstStartRegistersTheDemoPhotosAndRemembersTheWindow() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("install"));
        AppFixtures.copyPhotos(Files.createDirectories(root.resolve(DemoCollection.FOLDER)), 5);
        Path data = tmp.resolve("data");
        System.setProperty(AppPaths.DATA_DIR_PROPERTY, data.toString());
        System.setProperty(AppPaths.ROOT_PROPERTY, root.toString());
        System.setProperty(SketchfindApp.PREFS_PROPERTY, PREFS);

        Stage stage = FxToolkit.registerPrimaryStage();
        List<String> scenes = new CopyOnWriteArrayList<>();
        FxToolkit.setupFixture(() -> stage.sceneProperty().addListener((o, a, b) ->
                scenes.add(b.lookup("#loadingMessage") != null ? "loading" : "main")));
        app = FxToolkit.setupApplication(SketchfindApp.class);
        FxRobot robot = new FxRobot();
        waitUntil(20, "window shown", () -> stage.isShowing() && stage.getScene() != null);
        waitUntil(60, "model and collection loaded", () -> robot.lookup("#statusPhotos").tryQuery().isPresent());
        assertEquals(List.of("loading", "main"), scenes,
                "the window shows at once and the main window follows once the engine has loaded the model");
        Label photos = robot.lookup("#statusPhotos").query();
        waitUntil(60, "demo photos indexed", () -> photos.getText().equals("5 photos indexed"));
        assertTrue(Files.isRegularFile(data.resolve("catalogue.db")), "catalogue in the chosen data folder");
        assertEquals("Sketchfind", fx(stage::getTitle));

        robot.interact(() -> stage.setWidth(1000));
        FxToolkit.cleanupApplication(app);
        app = null;
        assertEquals(1000, Preferences.userRoot().node(PREFS).node("window").getDouble("width", -1), 0.5);
    }
}
