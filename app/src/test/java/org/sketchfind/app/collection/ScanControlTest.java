package org.sketchfind.app.collection;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.MainWindow;
import org.sketchfind.engine.EngineFixtures;
import org.sketchfind.engine.PhotoCollection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/** Pause, resume and cancel of a running scan from the Collection page (a real scan, one photo per batch, with the
 * real decoder slowed down so there is time to press the buttons). */
@ExtendWith(ApplicationExtension.class)
class ScanControlTest {
    @TempDir
    Path tmp;
    private AppServices services;
    private Scene scene;
    private final AtomicReference<Path> chosen = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        PhotoCollection photos = EngineFixtures.slowCollection(Files.createTempDirectory("sf-app-ctl"), 250);
        services = AppFixtures.services(photos, (q, k, x) -> {
            throw new IllegalStateException("not used here");
        });
        MainWindow window = new MainWindow(services, owner -> chosen.get());
        scene = window.createScene(1200, 780);
        stage.setScene(scene);
        stage.show();
        window.show("collection");
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void pauseResumeAndCancelARunningScan(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("many"));
        AppFixtures.copyPhotos(folder, 30);
        chosen.set(folder);
        robot.clickOn("#addFolder");

        Label title = robot.lookup("#scanTitle").query();
        waitUntil(30, "indexing shown", () -> title.isVisible() && title.getText().startsWith("Indexing ")
                && title.getText().endsWith("/ 30"));
        AppFixtures.screenshot(scene, "collection-scanning");
        robot.clickOn("#scanPause");
        waitUntil(10, "paused", () -> title.getText().startsWith("Paused: "));
        String pausedAt = title.getText();
        Thread.sleep(1200);
        assertEquals(pausedAt, fx(title::getText), "no progress while paused");

        robot.clickOn("#scanPause"); // now "Resume"
        waitUntil(10, "resumed", () -> title.getText().startsWith("Indexing ") && !title.getText().equals(pausedAt));
        robot.clickOn("#scanCancel");
        Label last = robot.lookup("#lastScan").query();
        waitUntil(20, "cancelled", () -> last.getText().startsWith("Last scan cancelled"));
        waitUntil(10, "progress hidden", () -> !robot.lookup("#scanProgress").query().isVisible());
        long photos = services.photos().status().photos();
        assertTrue(photos > 0 && photos < 30, "kept the committed batches only: " + photos);
        Label count = robot.lookup("#photoCount").query();
        waitUntil(10, "count shows the kept photos", () -> count.getText().startsWith(photos + " photos catalogued"));
    }
}
