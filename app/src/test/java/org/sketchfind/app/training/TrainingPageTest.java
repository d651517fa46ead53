package org.sketchfind.app.training;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.MainWindow;
import org.sketchfind.app.models.ModelEntry;
import org.sketchfind.app.models.ModelsPage;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.TrainingOutcome;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/**
 * A tiny training run from the Training page on src-test-data (16 bits, batch 16, 2 epochs of 2 steps, the real
 * backbone and network): the data check lists the split columns, the run is stopped as closing the app stops it and
 * resumed from the page, keeps going while another page is shown (the status bar follows it), fills a chart per
 * loss term and the per-epoch validation mAP, and finishes with a model that opens on the Models page.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPageTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private MainWindow window;
    private Scene scene;
    private final AppSettings settings = AppSettings.inMemory();

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.openCollection(Files.createTempDirectory("sf-app-train"));
        services = AppFixtures.services(collection, AppFixtures.noSearch(), settings, new AppFixtures.StubDialogs());
        AppFixtures.Shown shown = AppFixtures.show(stage, services);
        window = shown.window();
        scene = shown.scene();
    }

    @AfterEach
    void close() throws Exception {
        services.training().stopForExit().get();
        services.close();
    }

    /** Presses a button that may lie below the visible part of its scroll pane. */
    static void fire(FxRobot robot, String id) {
        javafx.scene.control.ButtonBase b = robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class);
        assertFalse(b.isDisabled(), id + " is enabled");
        robot.interact(b::fire);
    }

    @Test
    void aTinyRunIsStoppedResumedChartedAndEndsWithAModel(FxRobot robot) throws Exception {
        robot.clickOn("#nav-training");
        TrainingPage page = (TrainingPage) window.page(TrainingPage.ID);
        Path run = tmp.resolve("run");
        robot.interact(() -> page.fill(Map.of("data", AppFixtures.testData("sketchy").toString(),
                "glove", AppFixtures.testData("glove", "glove.6B.100d.subset.txt").toString(),
                "cache", tmp.resolve("cache").toString(), "out", run.toString(), "bits", "16", "epochs", "2",
                "batch", "16", "heldOut", "1", "checkpointEvery", "1")));
        fire(robot, "#checkData");
        waitUntil(30, "data checked", () -> ((Label) robot.lookup("#dataCheck").query()).getText()
                .contains("10 classes"));
        assertTrue(((Label) robot.lookup("#dataCheck").query()).getText().contains("8 seen / 2 unseen"),
                ((Label) robot.lookup("#dataCheck").query()).getText());

        // start, then stop after the first step the way closing the app does (a checkpoint is written)
        TrainingModel model = services.training();
        fire(robot, "#startTraining");
        waitUntil(300, "first step", () -> model.stepProperty().get() >= 1
                || model.stateProperty().get() == TrainingModel.State.FAILED);
        assertNotEquals(TrainingModel.State.FAILED, fx(() -> model.stateProperty().get()),
                () -> "failed: " + model.errorProperty().get());
        model.stopForExit().get();
        waitUntil(30, "stopped", () -> model.stateProperty().get() == TrainingModel.State.CANCELLED);
        TrainingOutcome stopped = fx(() -> model.outcomeProperty().get());
        assertFalse(stopped.completed());
        assertNull(stopped.model());

        // the page offers to resume it (a new start of the app reads the same settings)
        TrainingModel later = fx(() -> new TrainingModel(services.engine(), services.bus(), settings,
                services.photos().dataDir()));
        assertNotNull(fx(later::unfinished), "the stopped run is remembered with its settings");
        assertEquals(run, fx(() -> later.unfinished().out()));
        robot.interact(page::onShown);
        assertTrue(robot.lookup("#resumeTraining").query().isVisible());
        fire(robot, "#resumeTraining");
        waitUntil(60, "resumed", () -> model.stateProperty().get() == TrainingModel.State.RUNNING
                || model.stateProperty().get() == TrainingModel.State.COMPLETED);

        // the run goes on while another page is shown, and the status bar shows it
        robot.clickOn("#nav-search");
        Label status = robot.lookup("#statusTraining").queryAs(Label.class);
        waitUntil(300, "status bar shows training or it finished", () -> status.getText().startsWith("Training")
                || model.stateProperty().get() == TrainingModel.State.COMPLETED);
        robot.clickOn("#nav-training");
        waitUntil(600, "run finished", () -> model.stateProperty().get() == TrainingModel.State.COMPLETED
                || model.stateProperty().get() == TrainingModel.State.FAILED);
        assertEquals(TrainingModel.State.COMPLETED, fx(() -> model.stateProperty().get()),
                () -> "failed: " + model.errorProperty().get());
        TrainingOutcome done = fx(() -> model.outcomeProperty().get());
        assertEquals(4, done.steps(), "2 epochs of 2 steps, the first step before the stop");
        assertTrue(Files.isRegularFile(done.model()));
        assertNull(fx(model::unfinished), "nothing left to resume");
        assertFalse(status.isVisible(), "the status bar lets go of a finished run");

        // a chart per loss term, each with the steps of the resumed part, and the validation mAP per epoch
        FlowPane charts = robot.lookup("#lossCharts").queryAs(FlowPane.class);
        assertTrue(charts.getChildren().size() >= 4, "several loss terms: " + charts.getChildren().size());
        for (Node n : charts.getChildren()) {
            @SuppressWarnings("unchecked")
            LineChart<Number, Number> c = (LineChart<Number, Number>) n;
            assertEquals(3, c.getData().get(0).getData().size(), "steps 2 to 4 of " + n.getUserData());
        }
        assertTrue(fx(() -> charts.getChildren().stream().anyMatch(n -> "total".equals(n.getUserData())
                || String.valueOf(n.getUserData()).contains("total"))), "the total is charted too");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> map = robot.lookup("#validationChart").queryAs(LineChart.class);
        assertEquals(2, map.getData().get(0).getData().size(), "one validation mAP per epoch");
        double first = map.getData().get(0).getData().get(0).getYValue().doubleValue();
        assertTrue(first > 0 && first <= 1, "an mAP: " + first);
        assertTrue(((Label) robot.lookup("#trainingDetail").query()).getText().contains("Model written to"));
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#trainingLog").queryAs(ListView.class);
        assertTrue(log.getItems().stream().anyMatch(l -> l.startsWith("epoch 2")), log.getItems().toString());
        AppFixtures.screenshot(scene, "training");

        // the model opens on the Models page
        fire(robot, "#openTrainedModel");
        assertEquals(ModelsPage.ID, window.currentPage());
        @SuppressWarnings("unchecked")
        ListView<ModelEntry> models = robot.lookup("#modelList").queryAs(ListView.class);
        waitUntil(60, "the run's model selected and read", () -> {
            ModelEntry e = models.getSelectionModel().getSelectedItem();
            return e != null && e.file().equals(done.model().toAbsolutePath().normalize())
                    && e.infoProperty().get() != null;
        });
        assertEquals(16, fx(() -> models.getSelectionModel().getSelectedItem().infoProperty().get().bits()));
    }
}
