package org.sketchfind.app.models;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.MainWindow;
import org.sketchfind.app.search.EngineSketchSearch;
import org.sketchfind.app.search.SearchQuery;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;
import org.sketchfind.engine.Sketchfind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/**
 * The Models page on a real collection (the shipped default model over 24 test photos): every shipped model is
 * listed with its card; making another one active re-encodes the collection as a job with progress while searches
 * keep answering with the old model, then the new one takes over, the status bar follows and the choice is
 * remembered for the catalogue.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsPageTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private MainWindow window;
    private Scene scene;
    private final AppSettings settings = AppSettings.inMemory();
    private boolean progressSeen;

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.realCollection(Files.createTempDirectory("sf-app-models"));
        Path folder = Files.createDirectories(tmp.resolve("photos-" + System.nanoTime()));
        AppFixtures.copyPhotos(folder, 24);
        collection.addFolder(folder, null).await();
        services = AppFixtures.services(collection, new EngineSketchSearch(collection), settings,
                new AppFixtures.StubDialogs());
        AppFixtures.Shown shown = AppFixtures.show(stage, services);
        window = shown.window();
        scene = shown.scene();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void activatingAModelReencodesTheCollectionWhileSearchesKeepWorking(FxRobot robot) throws Exception {
        robot.clickOn("#nav-models");
        @SuppressWarnings("unchecked")
        ListView<ModelEntry> list = robot.lookup("#modelList").queryAs(ListView.class);
        List<Path> shipped = Sketchfind.shippedModels();
        waitUntil(60, "shipped models listed and read", () -> list.getItems().size() >= shipped.size()
                && list.getItems().stream().allMatch(e -> e.infoProperty().get() != null
                || e.errorProperty().get() != null));
        ModelEntry active = fx(() -> list.getItems().stream().filter(e -> e.activeProperty().get()).findFirst()
                .orElseThrow());
        assertEquals(Sketchfind.defaultModelFile().toAbsolutePath().normalize(), active.file());
        Path paperLoss = AppFixtures.repoRoot().resolve("models/zsih-sketchy-64.zip").toAbsolutePath().normalize();
        ModelEntry other = fx(() -> list.getItems().stream().filter(e -> e.file().equals(paperLoss)).findFirst()
                .orElseThrow());
        robot.interact(() -> list.getSelectionModel().select(other));
        TextArea card = robot.lookup("#modelCard").queryAs(TextArea.class);
        assertTrue(card.getText().contains("split"), "the model card is shown: " + card.getText());
        assertTrue(((Label) robot.lookup("#modelFacts").query()).getText().contains("64 bits"));
        AppFixtures.screenshot(scene, "models");

        String before = services.photos().model();
        Sketch doodle = Sketch.ofPoints(List.of(List.of(new double[]{10, 10}, new double[]{80, 20},
                new double[]{60, 90}), List.of(new double[]{20, 60}, new double[]{90, 90})));
        List<String> answeredDuring = new CopyOnWriteArrayList<>();
        robot.clickOn("#activateModel");
        waitUntil(30, "activation job started", () -> services.models().activationProperty().get() != null);
        // while the new codes are being written the search answers with the old model, over every photo
        while (fx(() -> services.models().activationProperty().get() != null)) {
            SearchResult r = services.search().search(new SearchQuery.Drawing(doodle), 5, 0);
            answeredDuring.add(r.model() + "/" + r.searched());
            javafx.scene.Node progressView = robot.lookup("#activationProgress").query();
            assertTrue(fx(() -> services.models().activationProperty().get() == null
                    || progressView.isVisible()), "progress is shown while the job runs");
            if (fx(() -> services.models().progressProperty().get()) != null) {
                progressSeen = true;
            }
            Thread.sleep(100);
        }
        assertFalse(answeredDuring.isEmpty());
        assertTrue(progressSeen, "the job reported progress");
        answeredDuring.forEach(a -> assertEquals(before + "/24", a));
        waitUntil(20, "switched", () -> other.activeProperty().get() && !active.activeProperty().get());
        String after = services.photos().model();
        assertNotEquals(before, after);
        assertEquals(after, services.search().search(new SearchQuery.Drawing(doodle), 5, 0).model());
        assertTrue(((Label) robot.lookup("#modelsMessage").query()).getText().contains("24 photos encoded"));
        assertEquals(paperLoss.toString(), settings.activeModel(services.photos().dataDir().toString()),
                "remembered for this catalogue");
        waitUntil(10, "status bar follows", () -> ((Label) robot.lookup("#statusModel").query()).getText()
                .contains(after));

        // the research views start on the model in use
        robot.clickOn("#nav-tsne");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<ModelEntry> tsneModel = robot.lookup("#tsneModel").queryAs(
                javafx.scene.control.ComboBox.class);
        waitUntil(10, "t-SNE on the model in use", () -> tsneModel.getValue() == other);
    }
}
