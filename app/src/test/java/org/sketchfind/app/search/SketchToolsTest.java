package org.sketchfind.app.search;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.MainWindow;
import org.sketchfind.engine.Hit;
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
 * The Search page's sketching tools and the mends a new user asked for, on a real catalogue of 50 test photos:
 * redo and the eraser from the toolbar, saving and opening a sketch (Quick, Draw! ndjson), searching with an image
 * file and with a result ("more like this"), new results starting at the top, the refinement toggle, and top K,
 * pen width and refinement remembered by a second window.
 */
@ExtendWith(ApplicationExtension.class)
class SketchToolsTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private AppFixtures.CountingSearch search;
    private final AppFixtures.StubDialogs dialogs = new AppFixtures.StubDialogs();
    private final AppSettings settings = AppSettings.inMemory();
    private SearchPage page;
    private Scene scene;
    private List<Path> photos;

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.openCollection(Files.createTempDirectory("sf-app-tools"));
        Path folder = Files.createDirectories(tmp.resolve("photos-" + System.nanoTime()));
        photos = AppFixtures.copyPhotos(folder, 50);
        collection.addFolder(folder, null).await();
        search = new AppFixtures.CountingSearch(collection);
        services = AppFixtures.services(collection, search, settings, dialogs);
        AppFixtures.Shown shown = AppFixtures.show(stage, services);
        page = (SearchPage) shown.window().page(SearchPage.ID);
        scene = shown.scene();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void stroke(FxRobot robot, double x, double y, double dx, double dy) {
        robot.moveTo(page.canvas()).moveBy(x, y).press(MouseButton.PRIMARY).moveBy(dx / 2, dy / 2)
                .moveBy(dx / 2, dy / 2).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void redoEraserSaveAndOpenASketch(FxRobot robot) throws Exception {
        stroke(robot, -120, 0, 240, 0);
        stroke(robot, 0, -100, 0, 60);
        assertEquals(2, fx(() -> page.canvas().strokes().size()));
        robot.clickOn("#undoButton");
        assertEquals(1, fx(() -> page.canvas().strokes().size()));
        robot.clickOn("#redoButton");
        assertEquals(2, fx(() -> page.canvas().strokes().size()), "redo brings the stroke back");

        // the eraser cuts the long horizontal line in two
        robot.clickOn("#eraserButton");
        assertTrue(fx(() -> page.canvas().eraserProperty().get()));
        stroke(robot, -60, 40, 0, -80);
        assertEquals(3, fx(() -> page.canvas().strokes().size()), "the line cut in two, the short stroke intact");
        robot.clickOn("#eraserButton");
        waitUntil(20, "searched after erasing", () -> search.last instanceof SearchQuery.Drawing d
                && d.sketch().strokes().size() == 3);
        // what is searched is shown: the engine's raster of the strokes
        waitUntil(10, "searched-as preview", () -> ((ImageView) robot.lookup("#searchedAs").query())
                .getImage() != null);
        assertEquals(224, fx(() -> ((ImageView) robot.lookup("#searchedAs").query()).getImage().getWidth()));

        // save as Quick, Draw! ndjson (".ndjson" added), with the strokes' timing
        Path saved = tmp.resolve("my-sketch");
        dialogs.answer(saved);
        robot.clickOn("#saveSketch");
        Path file = tmp.resolve("my-sketch.ndjson");
        waitUntil(10, "sketch saved", () -> Files.isRegularFile(file));
        RecordedSketch back = RecordedSketch.read(file, 1).get(0);
        assertEquals(3, back.sketch().strokes().size());
        assertTrue(back.timed(), "saved with the time of every point, so it can be replayed");

        // open it again onto a cleared canvas: the same three strokes come back and are searched
        robot.clickOn("#clearButton");
        waitUntil(10, "cleared", () -> page.canvas().strokes().isEmpty());
        int before = search.calls;
        dialogs.answer(file);
        robot.clickOn("#openSketch");
        waitUntil(10, "sketch opened", () -> page.canvas().strokes().size() == 3);
        waitUntil(20, "searched with the opened sketch", () -> search.calls > before
                && search.last instanceof SearchQuery.Drawing);
    }

    @Test
    void anImageFileAndAResultAreSearchedWithAndNewResultsStartAtTheTop(FxRobot robot) throws Exception {
        // a photo file opened: searched with the photo encoder, its own copy first
        Path photo = photos.get(17);
        dialogs.answer(photo);
        robot.clickOn("#openSketch");
        waitUntil(20, "searched with the photo", () -> search.last instanceof SearchQuery.Image i && !i.asSketch()
                && page.grid().getItems().size() == SearchPage.DEFAULT_K);
        assertEquals(photo.toRealPath(), fx(() -> page.grid().hits().get(0).path().toRealPath()));
        assertTrue(((Label) robot.lookup("#queryDescription").query()).getText().contains(
                photo.getFileName().toString()));
        assertTrue(fx(() -> page.canvas().showsImage()), "the image is shown where the sketch would be");
        // the same image searched as a sketch instead
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> imageAs = robot.lookup("#imageAs").queryAs(
                javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> imageAs.setValue("as a sketch"));
        waitUntil(20, "searched as a sketch", () -> search.last instanceof SearchQuery.Image i && i.asSketch());

        // scroll the results down, then "more like this" on a result: a new search, shown from the top
        robot.interact(() -> page.grid().scrollToRow(6));
        waitUntil(10, "scrolled down", () -> page.grid().firstVisibleRow() >= 3);
        Hit fifth = fx(() -> page.grid().hits().get(4));
        robot.interact(() -> page.moreLike(fifth));
        waitUntil(20, "more like this", () -> search.last instanceof SearchQuery.LikePhoto p
                && p.photoId() == fifth.photoId() && !page.grid().hits().isEmpty()
                && page.grid().hits().get(0).photoId() != -1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> page.grid().firstVisibleRow()), "new results are shown from the first row");
        assertEquals(0.0, fx(() -> page.grid().scrollPosition()), 1e-9);
        assertTrue(fx(() -> page.grid().hits().stream().anyMatch(h -> h.photoId() == fifth.photoId())),
                "the photo itself is among its own nearest");

        // the same through the result's context menu
        javafx.scene.control.Control cell = robot.lookup(".result-cell").nth(1)
                .queryAs(javafx.scene.control.Control.class);
        javafx.scene.control.MenuItem more = fx(() -> cell.getContextMenu().getItems().stream()
                .filter(i -> "moreLikeThisMenu".equals(i.getId())).findFirst().orElseThrow());
        robot.interact(more::fire);
        waitUntil(20, "more like this from the menu", () -> search.last instanceof SearchQuery.LikePhoto p
                && p.photoId() != fifth.photoId());
        AppFixtures.screenshot(scene, "search-more-like-this");
    }

    @Test
    void refinementTopKAndPenWidthAreRememberedAndRefinementReachesTheSearch(FxRobot robot) throws Exception {
        CheckBox refine = robot.lookup("#refineToggle").queryAs(CheckBox.class);
        assertFalse(refine.isSelected(), "refinement is off by default, as in the engine's search");
        stroke(robot, -80, -40, 120, 60);
        waitUntil(20, "an unrefined search", () -> search.lastExpand == 0);
        robot.clickOn(refine);
        waitUntil(20, "a refined search", () -> search.lastExpand == org.sketchfind.engine.PhotoCollection
                .DEFAULT_EXPAND);
        @SuppressWarnings("unchecked")
        ComboBox<Integer> topK = robot.lookup("#topK").queryAs(ComboBox.class);
        robot.interact(() -> topK.setValue(24));
        Slider pen = robot.lookup("#penWidth").queryAs(Slider.class);
        robot.interact(() -> pen.setValue(8));
        assertEquals(8, fx(() -> page.canvas().lineWidth()), 1e-9, "the pen width changes the drawing");
        assertTrue(pen.getTooltip().getText().contains("2 px"), "and says why it does not change the search");

        // a new window (the next start) on the same settings
        MainWindow again = fx(() -> new MainWindow(services, owner -> null));
        SearchPage second = (SearchPage) again.page(SearchPage.ID);
        assertTrue(fx(second::refined), "refinement remembered");
        assertEquals(24, fx(second::topK), "top K remembered");
        assertEquals(8, fx(() -> second.canvas().lineWidth()), 1e-9, "pen width remembered");
        assertEquals("24", settings.get(AppSettings.TOP_K, null));
    }
}
