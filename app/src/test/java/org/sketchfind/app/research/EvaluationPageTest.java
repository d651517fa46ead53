package org.sketchfind.app.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.app.AppServices;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.MainWindow;
import org.sketchfind.engine.EvaluationRequest;
import org.sketchfind.engine.EvaluationResult;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.cli.Main;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.sketchfind.app.AppFixtures.fx;
import static org.sketchfind.app.AppFixtures.waitUntil;

/**
 * The Evaluation page on src-test-data (two shipped models and a baseline, every class): run as a job, it shows a
 * row of figures per model, a PR curve each and AP per class (sortable), exports CSV, and its figures are the
 * {@code evaluate} command's on the same inputs, run here through the command line itself.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationPageTest {
    @TempDir
    static Path tmp;
    private AppServices services;
    private MainWindow window;
    private Scene scene;
    private final AppFixtures.StubDialogs dialogs = new AppFixtures.StubDialogs();

    @Start
    void start(Stage stage) throws Exception {
        PhotoCollection collection = AppFixtures.openCollection(Files.createTempDirectory("sf-app-eval"));
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
    void theViewsFiguresAreTheEvaluateCommandsOnTheSameInputs(FxRobot robot) throws Exception {
        robot.clickOn("#nav-evaluation");
        EvaluationPage page = (EvaluationPage) window.page(EvaluationPage.ID);
        Path paperLoss = AppFixtures.repoRoot().resolve("models/zsih-sketchy-64.zip");
        Path shipped = Sketchfind.defaultModelFile();
        robot.interact(() -> {
            page.fill(List.of(shipped, paperLoss), List.of("imagenet-cosine"),
                    AppFixtures.testData("sketchy"), AppFixtures.testData("glove", "glove.6B.100d.subset.txt"),
                    tmp.resolve("cache"), 16);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> only = robot.lookup("#evalOnly").queryAs(
                    javafx.scene.control.ComboBox.class);
            only.setValue("all");
        });
        robot.interact(() -> robot.lookup("#runEvaluation").queryButton().fire());
        waitUntil(300, "evaluated", () -> page.result() != null
                || robot.lookup("#evaluationMessage").query().isVisible());
        assertNotNull(page.result(), () -> ((javafx.scene.control.Label) robot.lookup("#evaluationMessage")
                .query()).getText());
        EvaluationResult shown = page.result();
        TableView<EvaluationResult.Score> table = page.table();
        assertEquals(3, table.getItems().size(), "two models and a baseline");
        assertEquals(3, page.prChart().getData().size(), "a PR curve each");
        assertTrue(page.prChart().getData().get(0).getData().size() > 5);
        assertEquals(10, page.perClassTable().getItems().size(), "every class of the test data");
        AppFixtures.screenshot(scene, "evaluation");

        // the evaluate command on the same inputs: the same figures
        EvaluationRequest same = fx(page::request);
        List<String> args = new ArrayList<>(EvaluationPage.commandLine(same));
        args.add("--json");
        JsonNode json = new ObjectMapper().readTree(cli(args.toArray(String[]::new)));
        JsonNode models = json.get("models");
        assertEquals(3, models.size());
        for (int i = 0; i < 3; i++) {
            EvaluationResult.Score s = table.getItems().get(i);
            JsonNode m = models.get(i);
            assertEquals(m.get("model").asText(), s.model());
            assertEquals(m.get("queries").asInt(), s.queries());
            assertEquals(m.get("gallery").asInt(), s.gallery());
            assertEquals(m.get("map_all").asDouble(), s.mapAll(), 1e-12, s.model());
            assertEquals(m.get("map_all_tie_aware").asDouble(), s.mapAllTieAware(), 1e-12, s.model());
            assertEquals(m.get("precision_k").asInt(), s.precisionK());
            assertEquals(m.get("precision_at_k").asDouble(), s.precisionAtK(), 1e-12, s.model());
            // and the table shows them as they are
            assertEquals(EvaluationPage.format(m.get("map_all").asDouble()),
                    cellText(table, 2, i), "mAP@all cell of " + s.model());
        }

        // AP per class, sortable by a model's column
        TableView<EvaluationPage.ClassRow> perClass = page.perClassTable();
        @SuppressWarnings("unchecked")
        TableColumn<EvaluationPage.ClassRow, Double> firstModel =
                (TableColumn<EvaluationPage.ClassRow, Double>) perClass.getColumns().get(2);
        robot.interact(() -> {
            firstModel.setSortType(TableColumn.SortType.DESCENDING);
            perClass.getSortOrder().setAll(List.of(firstModel));
        });
        List<Double> aps = fx(() -> perClass.getItems().stream().map(r -> r.ap().get(0)).toList());
        List<Double> sorted = new ArrayList<>(aps);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, aps, "sorted by the first model's AP");
        JsonNode perClassJson = models.get(0).get("per_class");
        for (EvaluationPage.ClassRow r : perClass.getItems()) {
            JsonNode c = null;
            for (JsonNode n : perClassJson) {
                if (n.get("class").asText().equals(r.className())) {
                    c = n;
                }
            }
            assertNotNull(c, r.className());
            assertEquals(c.get("ap").asDouble(), r.ap().get(0), 1e-12, r.className());
        }

        // CSV export: figures and AP per class
        Path csv = tmp.resolve("figures.csv");
        dialogs.answer(csv);
        robot.interact(() -> robot.lookup("#evaluationCsv").queryButton().fire());
        Path perClassCsv = tmp.resolve("figures-per-class.csv");
        waitUntil(10, "CSVs written", () -> ((javafx.scene.control.Label) robot.lookup("#evaluationMessage").query())
                .getText().startsWith("Saved " + csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains(Double.toString(shown.scores().get(0).mapAll())), lines.get(1));
        assertEquals(11, Files.readAllLines(perClassCsv).size());
    }

    private static String cellText(TableView<?> table, int column, int row) {
        Object v = fx(() -> table.getColumns().get(column).getCellData(row));
        return v instanceof Double d ? EvaluationPage.format(d) : String.valueOf(v);
    }

    /** Runs {@code ./sketchfind ARGS} in this JVM and returns what it printed on stdout. */
    static synchronized String cli(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            assertEquals(0, code, "evaluate exit code; args " + String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
