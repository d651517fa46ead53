package org.sketchfind.app.search;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.MainWindow;
import org.sketchfind.engine.Hit;
import org.sketchfind.engine.PhotoCollection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

@ExtendWith(ApplicationExtension.class)
class SearchPageTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private AppFixtures.CountingSearch search;
    private SearchPage page;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.openCollection(Files.createTempDirectory("sf-app-search"));
        Path photos = Files.createDirectories(tmp.resolve("photos-" + System.nanoTime()));
        AppFixtures.copyPhotos(photos, 50);
        collection.addFolder(photos, null).await();
        search = new AppFixtures.CountingSearch(collection);
        services = AppFixtures.services(collection, search);
        MainWindow window = new MainWindow(services, owner -> null);
        page = (SearchPage) window.page(SearchPage.ID);
        scene = window.createScene(1200, 780);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void drawingSearchesAndTheGridShowsRealThumbnails(FxRobot robot) throws IOException {
        robot.moveTo(page.canvas()).moveBy(-60, -40).press(MouseButton.PRIMARY)
                .moveBy(40, 10).moveBy(40, 40).moveBy(-60, 20).release(MouseButton.PRIMARY);
        waitUntil(30, "48 results", () -> page.grid().getItems().size() == SearchPage.DEFAULT_K);
        assertEquals(1, search.calls, "one stroke, one search (debounced)");

        Label summary = robot.lookup("#searchSummary").query();
        assertTrue(summary.getText().startsWith("48 photos"), summary.getText());
        assertTrue(summary.getText().contains(services.photos().model()), summary.getText());
        // the status line names the ranking: the fixture's dHash model has no real-valued outputs, so Hamming
        assertTrue(summary.getText().contains("· hamming ranking"), summary.getText());
        assertFalse(((Label) robot.lookup("#searchMessage").query()).isVisible(), "no hint or error");

        // the visible tiles show the hits' real thumbnail files, decoded, in rank order
        List<Hit> hits = fx(() -> page.grid().hits());
        Set<Path> thumbnails = hits.stream().map(Hit::thumbnail).collect(Collectors.toSet());
        hits.forEach(h -> assertTrue(Files.isRegularFile(h.thumbnail()), "thumbnail file exists: " + h.thumbnail()));
        List<ImageView> views = robot.lookup(".result-cell .image-view").queryAllAs(ImageView.class).stream()
                .filter(v -> v.getImage() != null).toList();
        assertTrue(views.size() >= 8, "several tiles visible, got " + views.size());
        waitUntil(20, "thumbnails decoded", () -> views.stream().allMatch(v -> v.getImage().getProgress() >= 1));
        for (ImageView v : views) {
            assertFalse(v.getImage().isError(), "thumbnail decodes: " + v.getImage().getUrl());
            assertTrue(thumbnails.contains(Path.of(java.net.URI.create(v.getImage().getUrl()))), v.getImage().getUrl());
            assertTrue(v.getImage().getWidth() > 16, "a real image, not a placeholder");
        }
        assertTrue(robot.lookup(".result-rank").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("#1")));
        AppFixtures.screenshot(scene, "search-results");

        // top-K selector: a new search with 12
        @SuppressWarnings("unchecked")
        ComboBox<Integer> topK = robot.lookup("#topK").queryAs(ComboBox.class);
        robot.interact(() -> topK.setValue(12));
        waitUntil(30, "12 results", () -> page.grid().getItems().size() == 12);

        // double-click the first result: the viewer shows its path and distance; "show in folder" falls back to
        // copying the path where there is no desktop (headless)
        robot.doubleClickOn(robot.lookup(".result-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil(10, "viewer open", () -> robot.lookup("#viewerPath").tryQuery().isPresent());
        Label path = robot.lookup("#viewerPath").query();
        assertEquals(hits.get(0).path().toString(), path.getText());
        assertTrue(((Label) robot.lookup("#viewerFacts").query()).getText()
                .contains("distance " + hits.get(0).distance() + " bits"));
        AppFixtures.screenshot(path.getScene(), "photo-viewer");
        robot.clickOn("#showInFolder");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(hits.get(0).path().toString(), fx(() -> Clipboard.getSystemClipboard().getString()));
        robot.interact(() -> ((javafx.stage.Stage) path.getScene().getWindow()).close());

        // clearing the canvas drops the results and shows the hint again
        robot.clickOn("#clearButton");
        waitUntil(10, "grid empty", () -> page.grid().getItems().isEmpty());
        String hint = ((Label) robot.lookup("#searchMessage").query()).getText();
        assertTrue(hint.contains("Sketch something"), hint);
        assertTrue(hint.contains("doodle"), "the hint says outlines find more than doodles (cross-style figures): " + hint);
    }
}
