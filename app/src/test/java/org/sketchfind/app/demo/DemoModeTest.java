package org.sketchfind.app.demo;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.MainWindow;
import org.sketchfind.app.search.SearchQuery;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.RecordedSketch;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/**
 * Demo mode with the shipped demo drawings over a real catalogue of 40 test photos, its idle time shortened to a
 * second: the window becomes the demo (no pages, nothing that changes the collection), the attract loop replays a
 * drawing stroke by stroke and the searches happen live, any input stops it and gives the canvas back, Delete
 * starts over, and left alone it starts again.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private AppFixtures.CountingSearch search;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.indexedCollection(40);
        search = new AppFixtures.CountingSearch(collection);
        services = AppFixtures.services(collection, search, AppSettings.inMemory(), new AppFixtures.StubDialogs());
        AppFixtures.Shown shown = AppFixtures.show(stage, services);
        window = shown.window();
        window.setDemoIdle(Duration.seconds(1));
        scene = shown.scene();
    }

    @AfterEach
    void close() {
        robotLeave();
        services.close();
    }

    private void robotLeave() {
        try {
            fx(() -> {
                window.leaveDemo();
                return null;
            });
        } catch (AssertionError ignored) {
            // FX already gone
        }
    }

    @Test
    void theAttractLoopDrawsAndSearchesAndAnyInputStopsIt(FxRobot robot) throws Exception {
        List<RecordedSketch> drawings = DemoDrawings.load(DemoDrawings.folder(AppFixtures.repoRoot()));
        assertTrue(drawings.size() >= 20, "the shipped demo drawings: " + drawings.size());
        assertTrue(drawings.stream().allMatch(RecordedSketch::timed), "raw format, with timing");
        assertNotEquals(drawings.get(0).word(), drawings.get(1).word(), "one class after another");

        robot.clickOn("#demoToggle");
        DemoMode demo = fx(window::demo);
        assertNotNull(demo);
        assertNull(scene.lookup("#sidebar"), "no pages in demo mode");
        assertNull(scene.lookup("#addFolder"), "nothing that changes the collection");
        assertNull(scene.lookup("#activateModel"), "or the models");
        assertTrue(fx(() -> ((Stage) scene.getWindow()).isFullScreen()));

        // a second without input: a drawing is replayed stroke by stroke, and searched as it grows
        waitUntil(20, "attract loop", demo::attracting);
        int calls = search.calls;
        waitUntil(30, "strokes replayed", () -> demo.canvas().strokes().size() >= 2);
        waitUntil(30, "searched live", () -> search.calls > calls && search.last instanceof SearchQuery.Drawing
                && !demo.grid().getItems().isEmpty());
        assertTrue(((javafx.scene.control.Label) robot.lookup("#demoCaption").query()).getText()
                .startsWith("Someone drew a"));
        AppFixtures.screenshot(scene, "demo");

        // a key stops it: the canvas is the visitor's
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(demo::attracting));
        assertEquals(0, fx(() -> demo.canvas().strokes().size()), "the replayed drawing is gone");

        // a visitor draws; Delete starts over
        robot.moveTo(demo.canvas()).moveBy(-100, 0).press(MouseButton.PRIMARY).moveBy(100, 40).moveBy(100, -40)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(demo::attracting), "drawing keeps the loop away");
        assertEquals(1, fx(() -> demo.canvas().strokes().size()));
        robot.type(KeyCode.DELETE);
        assertEquals(0, fx(() -> demo.canvas().strokes().size()), "one key starts over");

        // left alone again, it clears itself and attracts again; a touch of the canvas stops it
        waitUntil(20, "attracting again", demo::attracting);
        robot.clickOn(demo.canvas());
        assertFalse(fx(demo::attracting));

        // Ctrl+D leaves demo mode when it was entered from the window
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(window::demo));
        assertNotNull(scene.lookup("#sidebar"));
    }

    @Test
    void startedWithDemoItCannotBeLeftFromTheKeyboard(FxRobot robot) {
        robot.interact(() -> {
            window.lockDemo();
            window.enterDemo();
        });
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(fx(window::demo), "still in demo mode");
        assertNull(scene.lookup("#sidebar"));
    }
}
