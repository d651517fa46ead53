package org.sketchfind.app.collection;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.MainWindow;
import org.sketchfind.engine.CollectionStatus;
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

@ExtendWith(ApplicationExtension.class)
class CollectionPageTest {
    @TempDir
    Path tmp;
    private AppServices services;
    private Scene scene;
    private final AtomicReference<Path> chosen = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        PhotoCollection photos = AppFixtures.openCollection(Files.createTempDirectory("sf-app-data"));
        services = AppFixtures.services(photos, (q, k, x) -> {
            throw new IllegalStateException("not used here");
        });
        MainWindow window = new MainWindow(services, owner -> chosen.get());
        scene = window.createScene(1200, 780);
        stage.setScene(scene);
        stage.show();
        services.collection().start(null);
        window.show("collection");
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void addingAFolderIndexesItsPhotosAndListsTheSkippedFile(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("holiday"));
        AppFixtures.copyPhotos(folder, 12);
        Files.write(folder.resolve("broken.jpg"), "this is not a JPEG at all".getBytes());
        chosen.set(folder);

        robot.clickOn("#addFolder");
        Label count = robot.lookup("#photoCount").query();
        waitUntil(90, "12 photos indexed", () -> count.getText().startsWith("12 photos catalogued · 12 photos indexed"));
        assertTrue(count.getText().contains("1 folder"), count.getText());

        @SuppressWarnings("unchecked")
        ListView<CollectionStatus.Folder> folders = robot.lookup("#folderList").queryAs(ListView.class);
        waitUntil(30, "folder scan complete", () -> folders.getItems().size() == 1
                && folders.getItems().get(0).scanComplete());
        assertEquals(folder.toAbsolutePath().normalize(), fx(() -> folders.getItems().get(0).path()));

        @SuppressWarnings("unchecked")
        TableView<CollectionStatus.Skipped> skipped = robot.lookup("#skippedTable").queryAs(TableView.class);
        waitUntil(30, "skipped file listed", () -> skipped.getItems().size() == 1);
        CollectionStatus.Skipped s = fx(() -> skipped.getItems().get(0));
        assertTrue(s.file().endsWith("broken.jpg"), s.file());
        assertFalse(s.cause().isBlank(), "a reason is given");
        assertTrue(robot.lookup(".table-row-cell .table-cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.TableCell<?, ?> tc
                        && s.cause().equals(tc.getItem())), "the reason is shown in the table");

        Label status = robot.lookup("#statusPhotos").query();
        waitUntil(10, "status bar count", () -> status.getText().equals("12 photos indexed"));
        waitUntil(10, "last scan summary", () -> ((Label) robot.lookup("#lastScan").query()).getText()
                .contains("12 added"));
        AppFixtures.screenshot(scene, "collection");

        // remove it again: the collection empties
        robot.clickOn(robot.lookup("#folderList .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil(5, "folder selected", () -> folders.getSelectionModel().getSelectedItem() != null);
        robot.clickOn("#removeFolder");
        waitUntil(60, "collection empty", () -> count.getText().startsWith("0 photos catalogued"));
        waitUntil(10, "no folders", () -> folders.getItems().isEmpty());
    }
}
