package org.sketchfind.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.search.SearchPage;
import org.sketchfind.engine.PhotoCollection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dataDir;
    private AppServices services;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) throws IOException {
        PhotoCollection photos = AppFixtures.openCollection(dataDir.resolve("data-" + System.nanoTime()));
        // a search that fails the way a broken model file would: the page must show it inline
        services = AppFixtures.services(photos, (query, k, expand) -> {
            throw new IllegalStateException("model file is damaged");
        });
        window = new MainWindow(services, owner -> null);
        scene = window.createScene(1200, 780);
        stage.setScene(scene);
        stage.show();
        services.collection().start(null);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void opensOnSearchAndNavigatesBetweenPages(FxRobot robot) throws IOException {
        assertEquals(SearchPage.ID, window.currentPage());
        assertTrue(robot.lookup("#searchPage").query().isVisible());
        assertFalse(robot.lookup("#collectionPage").query().isVisible());

        robot.clickOn("#nav-collection");
        assertEquals("collection", window.currentPage());
        assertTrue(robot.lookup("#collectionPage").query().isVisible());
        assertFalse(robot.lookup("#searchPage").query().isVisible());
        waitUntil(10, "empty collection counted",
                () -> ((Label) robot.lookup("#photoCount").query()).getText().startsWith("0 photos catalogued"));

        robot.clickOn("#nav-about");
        assertTrue(robot.lookup("#aboutPage").query().isVisible());
        assertTrue(((Label) robot.lookup("#aboutModel").query()).getText()
                .contains(services.photos().model()),
                "About names the active model");
        assertTrue(((Label) robot.lookup("#aboutVersions").query()).getText()
                .startsWith("Sketchfind " + org.sketchfind.engine.Sketchfind.version()), "and the build's version");
        AppFixtures.screenshot(scene, "about");

        robot.clickOn("#nav-search");
        assertTrue(robot.lookup("#searchPage").query().isVisible());
    }

    @Test
    void themeToggleSwapsTheStylesheet(FxRobot robot) throws IOException {
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")));
        robot.clickOn("#themeToggle");
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        assertFalse(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")));
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("app.css")));
        SearchPage page = (SearchPage) window.page(SearchPage.ID);
        drawStroke(robot, page, 0);
        AppFixtures.screenshot(scene, "search-dark");
        robot.clickOn("#nav-collection");
        AppFixtures.screenshot(scene, "collection-dark");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")));
        assertFalse(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }

    @Test
    void searchErrorsShowInlineAndShortcutsEditTheCanvas(FxRobot robot) throws IOException {
        SearchPage page = (SearchPage) window.page(SearchPage.ID);
        Node banner = robot.lookup("#searchMessage").query();
        assertTrue(((Label) banner).getText().contains("Sketch something"), "empty canvas shows a hint");

        drawStroke(robot, page, 0);
        drawStroke(robot, page, 60);
        assertEquals(2, fx(() -> page.canvas().strokes().size()));
        waitUntil(10, "error banner", () -> ((Label) banner).getText().contains("model file is damaged"));
        assertTrue(((Label) banner).getText().startsWith("Search failed"));
        Path shot = AppFixtures.screenshot(scene, "search-error");
        assertTrue(shot.toFile().length() > 0);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx(() -> page.canvas().strokes().size()), "Ctrl+Z undoes the last stroke");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> page.canvas().strokes().size()), "Ctrl+L clears");
        waitUntil(10, "hint after clearing", () -> ((Label) banner).getText().contains("Sketch something"));
    }

    static void drawStroke(FxRobot robot, SearchPage page, double dy) {
        robot.moveTo(page.canvas()).moveBy(-80, -60 + dy).press(MouseButton.PRIMARY)
                .moveBy(50, 10).moveBy(60, 30).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
