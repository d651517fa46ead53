package org.sketchfind.app.results;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.engine.Hit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/**
 * "Show in folder" when the desktop cannot open the folder: the viewer says so (and copies the path) instead of
 * leaving "Opening the folder…" with the error on stderr; "More like this" hands the photo on and closes it.
 */
@ExtendWith(ApplicationExtension.class)
class ShowInFolderTest {
    @TempDir
    static Path tmp;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void aFailureToOpenTheFolderIsShownInTheViewer(FxRobot robot) throws IOException {
        Path photo = AppFixtures.copyPhotos(tmp.resolve("p"), 1).get(0);
        Hit hit = new Hit(7, photo, null, 3);
        AtomicReference<Hit> more = new AtomicReference<>();
        robot.interact(() -> new PhotoViewer(stage, hit, 1, s -> { }, p -> {
            throw new IOException("no application registered for folders");
        }, more::set).show());
        waitUntil(10, "viewer open", () -> robot.lookup("#showInFolder").tryQuery().isPresent());
        robot.clickOn("#showInFolder");
        Label status = robot.lookup("#viewerStatus").queryAs(Label.class);
        waitUntil(10, "the failure shown", () -> status.getText().startsWith("Cannot open the folder"));
        assertTrue(status.getText().contains("no application registered for folders"), status.getText());
        assertEquals(photo.toString(), fx(() -> Clipboard.getSystemClipboard().getString()));

        robot.clickOn("#viewerMoreLike");
        assertEquals(hit, more.get());
        assertTrue(robot.lookup("#photoViewer").tryQuery().isEmpty(), "the viewer closed");
    }
}
