package org.sketchfind.app.research;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import org.sketchfind.app.kit.ScatterPlot;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.TsneResult;
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
 * The t-SNE page on src-test-data with the shipped default model: computed as a job, 60 points drawn in four
 * groups; hovering a point shows its thumbnail and class, clicking it lists its nearest neighbours in Hamming space;
 * the legend hides a group; the wheel zooms; CSV and PNG export.
 */
@ExtendWith(ApplicationExtension.class)
class TsnePageTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private MainWindow window;
    private Scene scene;
    private final AppFixtures.StubDialogs dialogs = new AppFixtures.StubDialogs();

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.openCollection(Files.createTempDirectory("sf-app-tsne"));
        services = AppFixtures.services(collection, AppFixtures.noSearch(), AppSettings.inMemory(), dialogs);
        AppFixtures.Shown shown = AppFixtures.show(stage, services);
        window = shown.window();
        scene = shown.scene();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void pointsRenderHoverShowsAThumbnailAndAClickTheHammingNeighbours(FxRobot robot) throws Exception {
        robot.clickOn("#nav-tsne");
        TsnePage page = (TsnePage) window.page(TsnePage.ID);
        robot.interact(() -> page.fill(AppFixtures.testData("sketchy"), tmp.resolve("cache"), 60));
        robot.interact(() -> robot.lookup("#computeTsne").queryButton().fire());
        waitUntil(300, "t-SNE computed", () -> page.result() != null
                || ((Label) robot.lookup("#tsneMessage").query()).isVisible());
        assertNotNull(page.result(), () -> ((Label) robot.lookup("#tsneMessage").query()).getText());
        TsneResult r = page.result();
        assertEquals(60, r.items().size());
        assertEquals(20, r.unseen(), "every unseen item of the 2 unseen classes");
        ScatterPlot plot = page.plot();
        assertEquals(60, fx(plot::visibleCount), "every point on screen");
        assertTrue(((Label) robot.lookup("#tsneSummary").query()).getText().contains("60 points"));

        // hover: the item's thumbnail and class
        int i = fx(() -> firstOf(r, true, false));
        Point2D at = fx(() -> plot.localToScreen(plot.screenPosition(i)));
        robot.moveTo(at.add(3, 0)).moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(10, "hover card", () -> robot.lookup("#tsneHover").query().isVisible());
        TsneResult.Item item = r.items().get(plot.hovered());
        assertTrue(((Label) robot.lookup("#tsneHoverText").query()).getText().startsWith(item.className()));
        ImageView thumb = (ImageView) ((javafx.scene.layout.VBox) robot.lookup("#tsneHover").query())
                .getChildren().get(0);
        waitUntil(10, "thumbnail loaded", () -> thumb.getImage() != null && thumb.getImage().getProgress() >= 1);
        assertFalse(thumb.getImage().isError());
        assertTrue(thumb.getImage().getUrl().endsWith(item.path().getFileName().toString()));
        AppFixtures.screenshot(scene, "tsne");

        // click: the item and its 10 nearest neighbours in Hamming space, nearest first
        robot.clickOn(MouseButton.PRIMARY);
        @SuppressWarnings("unchecked")
        ListView<TsneResult.Neighbour> nb = robot.lookup("#tsneNeighbours").queryAs(ListView.class);
        waitUntil(10, "neighbours listed", () -> nb.getItems().size() == 10);
        int clicked = plot.hovered();
        List<TsneResult.Neighbour> expected = r.nearest(clicked, 10);
        assertEquals(expected, nb.getItems());
        for (int k = 1; k < expected.size(); k++) {
            assertTrue(expected.get(k - 1).distance() <= expected.get(k).distance());
        }
        assertEquals(r.items().get(clicked).distance(r.items().get(expected.get(0).index())),
                expected.get(0).distance());
        assertTrue(((Label) robot.lookup("#tsneSelected").query()).getText().contains("code "));

        // the legend hides a group; the wheel zooms in
        CheckBox unseenPhotos = robot.lookup("#tsneGroup3").queryAs(CheckBox.class);
        robot.clickOn(unseenPhotos);
        long unseenPhotoCount = r.items().stream().filter(t -> t.unseen() && !t.sketch()).count();
        assertEquals(60 - unseenPhotoCount, (long) fx(plot::visibleCount));
        robot.clickOn(unseenPhotos);
        robot.moveTo(plot).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = fx(plot::zoomLevel);
        assertEquals(1.2 * 1.2 * 1.2, Math.max(zoomed, 1 / zoomed), 1e-6, "three wheel clicks zoom: " + zoomed);
        robot.moveTo(plot).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, fx(plot::zoomLevel), 1e-6, "and back");

        // export: CSV with a row per point, and the plot as PNG
        Path csv = tmp.resolve("points.csv");
        dialogs.answer(csv);
        robot.interact(() -> robot.lookup("#tsneCsv").queryButton().fire());
        waitUntil(10, "CSV written", () -> ((Label) robot.lookup("#tsneMessage").query()).getText()
                .equals("Saved " + csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,y,class,split,modality,path,code", lines.get(0));
        assertEquals(61, lines.size());
        Path png = tmp.resolve("plot");
        dialogs.answer(png);
        robot.interact(() -> robot.lookup("#tsnePng").queryButton().fire());
        waitUntil(10, "PNG written", () -> ((Label) robot.lookup("#tsneMessage").query()).getText()
                .equals("Saved " + tmp.resolve("plot.png")));
        assertTrue(javax.imageio.ImageIO.read(tmp.resolve("plot.png").toFile()).getWidth() > 200);
    }

    /** The first point that is (not) unseen and a sketch (or photo). */
    static int firstOf(TsneResult r, boolean unseen, boolean sketch) {
        for (int i = 0; i < r.items().size(); i++) {
            if (r.items().get(i).unseen() == unseen && r.items().get(i).sketch() == sketch) {
                return i;
            }
        }
        throw new AssertionError("no such point");
    }
}
