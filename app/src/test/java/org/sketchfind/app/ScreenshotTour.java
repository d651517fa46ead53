package org.sketchfind.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.sketchfind.app.canvas.SketchFiles;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.models.ModelEntry;
import org.sketchfind.app.models.ModelsPage;
import org.sketchfind.app.research.EvaluationPage;
import org.sketchfind.app.research.TsnePage;
import org.sketchfind.app.search.EngineSketchSearch;
import org.sketchfind.app.search.SearchPage;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.app.training.TrainingModel;
import org.sketchfind.app.training.TrainingPage;
import org.sketchfind.engine.EngineFixtures;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.RecordedSketch;
import org.sketchfind.engine.Sketchfind;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's screenshots of every view, in a real window (run it under Xvfb): the real app's pages on the
 * shipped default model, the demo photo collection indexed into a fresh catalogue, a tiny training run and the
 * research views on src-test-data, and demo mode's attract loop. A program, not a test:
 *
 * <pre>
 * docs/screenshots/take.sh        # builds, then runs this under xvfb-run into docs/screenshots
 * </pre>
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Run.out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Run.work = Files.createTempDirectory("sketchfind-tour");
        Files.createDirectories(Run.out);
        Application.launch(Run.class);
    }

    /** The JavaFX side (JavaFX started from the class path needs a main class that is not an Application). */
    public static final class Run extends Application {
        private static Path out;
        private static Path work;
        private Stage stage;

        @Override
        public void start(Stage stage) {
            this.stage = stage;
            stage.setTitle("Sketchfind");
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1360, 860));
            stage.show();
            Thread t = new Thread(() -> {
                int code = 0;
                try {
                    tour();
                } catch (Throwable e) {
                    e.printStackTrace();
                    code = 1;
                }
                EngineFixtures.deleteTree(work);
                System.exit(code);
            }, "screenshot-tour");
            t.setDaemon(true);
            t.start();
        }

        private void tour() throws Exception {
            Path root = AppFixtures.repoRoot();
            Sketchfind engine = new Sketchfind();
            PhotoCollection photos = engine.openCollection(work.resolve("data"));
            log("indexing the demo photos…");
            photos.addFolder(root.resolve("assets/demo-photos"), null).await();
            AppSettings settings = AppSettings.inMemory();
            AppFixtures.StubDialogs dialogs = new AppFixtures.StubDialogs();
            AppServices services = fx(() -> {
                EventBus bus = new EventBus();
                return new AppServices(bus, new ThemeManager(bus, null), photos, new EngineSketchSearch(photos), engine,
                        settings, dialogs, root);
            });
            MainWindow window = fx(() -> new MainWindow(services, owner -> null));
            Scene scene = fx(() -> {
                Scene s = window.createScene(1360, 860);
                stage.setScene(s);
                return s;
            });
            services.collection().refresh();

            // Search: a Quick, Draw! cat drawn onto the canvas, then an unseen class: the airplane outline of
            // docs/demo-sketches (the issue's own example)
            SearchPage search = (SearchPage) window.page(SearchPage.ID);
            drawAndShoot(scene, search, root.resolve("assets/quickdraw-demo/cat.ndjson"), "app-search");
            drawAndShoot(scene, search, root.resolve("docs/demo-sketches/airplane.ndjson"), "app-search-airplane");

            fx(() -> {
                window.show("collection");
                return null;
            });
            pause(1500);
            shot(scene, "app-collection");

            // Models: the shipped ones with their cards
            fx(() -> {
                window.show(ModelsPage.ID);
                return null;
            });
            @SuppressWarnings("unchecked")
            ListView<ModelEntry> list = (ListView<ModelEntry>) scene.lookup("#modelList");
            until(120, () -> !list.getItems().isEmpty() && list.getItems().stream()
                    .allMatch(e -> e.infoProperty().get() != null || e.errorProperty().get() != null));
            fx(() -> {
                list.getItems().stream().filter(e -> e.activeProperty().get()).findFirst()
                        .ifPresent(e -> ((ModelsPage) window.page(ModelsPage.ID)).select(e));
                return null;
            });
            pause(800);
            shot(scene, "app-models");

            // Training: a tiny run on src-test-data
            TrainingPage training = (TrainingPage) window.page(TrainingPage.ID);
            fx(() -> {
                window.show(TrainingPage.ID);
                training.fill(Map.of("data", root.resolve("src-test-data/sketchy").toString(),
                        "glove", root.resolve("src-test-data/glove/glove.6B.100d.subset.txt").toString(),
                        "cache", work.resolve("cache").toString(), "out", work.resolve("run").toString(),
                        "bits", "16", "epochs", "4", "batch", "16", "heldOut", "1", "checkpointEvery", "2"));
                ((javafx.scene.control.Button) scene.lookup("#checkData")).fire();
                return null;
            });
            pause(3000);
            fx(() -> {
                ((javafx.scene.control.Button) scene.lookup("#startTraining")).fire();
                return null;
            });
            log("training…");
            until(900, () -> training.model().stateProperty().get() == TrainingModel.State.COMPLETED
                    || training.model().stateProperty().get() == TrainingModel.State.FAILED);
            pause(1000);
            shot(scene, "app-training");

            // t-SNE on src-test-data, a point hovered and another clicked
            TsnePage tsne = (TsnePage) window.page(TsnePage.ID);
            fx(() -> {
                window.show(TsnePage.ID);
                tsne.fill(root.resolve("src-test-data/sketchy"), work.resolve("cache"), 100);
                ((javafx.scene.control.Button) scene.lookup("#computeTsne")).fire();
                return null;
            });
            log("t-SNE…");
            until(600, () -> tsne.result() != null);
            pause(500);
            fx(() -> {
                tsne.select(3);
                return null;
            });
            Point2D hover = fx(() -> tsne.plot().localToScreen(tsne.plot().screenPosition(10)));
            moveMouse(hover);
            pause(2000);
            shot(scene, "app-tsne");

            // Evaluation: the three shipped ZSIH / ITQ models and a baseline on src-test-data
            EvaluationPage evaluation = (EvaluationPage) window.page(EvaluationPage.ID);
            List<Path> models = Sketchfind.shippedModels();
            fx(() -> {
                window.show(EvaluationPage.ID);
                evaluation.fill(models, List.of("imagenet-cosine"), root.resolve("src-test-data/sketchy"),
                        root.resolve("src-test-data/glove/glove.6B.100d.subset.txt"), work.resolve("cache"), 64);
                @SuppressWarnings("unchecked")
                ComboBox<String> only = (ComboBox<String>) scene.lookup("#evalOnly");
                only.setValue("all");
                ((javafx.scene.control.Button) scene.lookup("#runEvaluation")).fire();
                return null;
            });
            log("evaluation…");
            until(900, () -> evaluation.result() != null);
            pause(1000);
            shot(scene, "app-evaluation");

            fx(() -> {
                window.show("about");
                return null;
            });
            pause(800);
            shot(scene, "app-about");

            // Demo mode: the attract loop, a few strokes into a drawing and searched
            fx(() -> {
                window.setDemoIdle(Duration.seconds(1));
                window.enterDemo();
                return null;
            });
            until(60, () -> window.demo() != null && window.demo().attracting()
                    && window.demo().canvas().strokes().size() >= 3 && !window.demo().grid().getItems().isEmpty());
            pause(2500);
            shot(scene, "app-demo");
            fx(() -> {
                window.leaveDemo();
                return null;
            });
            services.training().stopForExit().get(60, TimeUnit.SECONDS);
            services.close();
            engine.close();
            log("screenshots in " + out);
        }

        /** Draws the first drawing of an ndjson file, waits for its results (new ones) and their thumbnails, shoots. */
        private void drawAndShoot(Scene scene, SearchPage search, Path ndjson, String name) throws Exception {
            RecordedSketch drawing = RecordedSketch.read(ndjson, 1).get(0);
            Object before = fx(() -> search.grid().getItems().isEmpty() ? null : search.grid().getItems().get(0));
            fx(() -> {
                search.canvas().setStrokes(SketchFiles.toStrokes(drawing, search.canvas().getWidth(),
                        search.canvas().getHeight(), 0.1));
                return null;
            });
            until(60, () -> search.grid().getItems().size() >= 24 && search.grid().getItems().get(0) != before);
            pause(2500); // thumbnails load
            shot(scene, name);
        }

        private void shot(Scene scene, String name) throws Exception {
            WritableImage img = fx(() -> scene.snapshot(null));
            Path file = out.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
            log("wrote " + file);
        }

        private static void moveMouse(Point2D at) throws Exception {
            fx(() -> {
                new javafx.scene.robot.Robot().mouseMove(at);
                return null;
            });
        }

        private static void log(String s) {
            System.err.println("tour: " + s);
        }

        private static void pause(long ms) throws InterruptedException {
            Thread.sleep(ms);
        }

        private static void until(int seconds, Callable<Boolean> condition) throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (!Boolean.TRUE.equals(fx(condition))) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("timed out after " + seconds + " s");
                }
                Thread.sleep(200);
            }
        }

        private static <T> T fx(Callable<T> c) throws Exception {
            FutureTask<T> task = new FutureTask<>(c);
            Platform.runLater(task);
            return task.get(60, TimeUnit.SECONDS);
        }
    }
}
