package org.sketchfind.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.app.training.TrainingModel;
import org.sketchfind.app.training.TrainingPage;
import org.sketchfind.engine.EngineFixtures;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.Sketchfind;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long the FX thread is kept from its work while a training run goes on with its page shown (charts
 * updating): every 5 ms a task is posted to the FX thread and the time until it runs is recorded, and an animation
 * timer records the gaps between frames. Prints the longest stall, the 99th percentile and the load average. A
 * program, not a test:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp … org.sketchfind.app.FxStallProbe [EPOCHS | idle SECONDS]
 * </pre>
 * (the classpath as in docs/screenshots/take.sh).
 */
public final class FxStallProbe {
    private FxStallProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("idle")) {
            Run.idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        } else if (args.length > 0) {
            Run.epochs = Integer.parseInt(args[0]);
        }
        Application.launch(Run.class);
    }

    /** The JavaFX side (JavaFX started from the class path needs a main class that is not an Application). */
    public static final class Run extends Application {
        private static int epochs = 6;
        /** Above 0: measure this long with the page shown and no training (the baseline at the machine's load). */
        private static int idleSeconds;
        private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> frameGaps = Collections.synchronizedList(new ArrayList<>());
        private final List<Stall> stalls = Collections.synchronizedList(new ArrayList<>());
        private final List<String> traces = Collections.synchronizedList(new ArrayList<>());

        /** A posted task that waited over 100 ms: when it was posted (s after the start), how long, the run's state. */
        private record Stall(double at, double ms, String state, long gcMillis) {
        }
        private final long started = System.nanoTime();

        @Override
        public void start(Stage stage) throws Exception {
            Path work = Files.createTempDirectory("sketchfind-stall");
            Path root = AppFixtures.repoRoot();
            PhotoCollection photos = EngineFixtures.modelFreeCollection(work.resolve("data"));
            EventBus bus = new EventBus();
            AppServices services = new AppServices(bus, new ThemeManager(bus, null), photos, (q, k, x) -> {
                throw new IllegalStateException("no search here");
            }, new Sketchfind(), AppSettings.inMemory(), new AppFixtures.StubDialogs(), root);
            MainWindow window = new MainWindow(services, owner -> null);
            Scene scene = window.createScene(1360, 860);
            stage.setScene(scene);
            stage.show();
            window.show(TrainingPage.ID);
            TrainingPage page = (TrainingPage) window.page(TrainingPage.ID);
            page.fill(Map.of("data", root.resolve("src-test-data/sketchy").toString(),
                    "glove", root.resolve("src-test-data/glove/glove.6B.100d.subset.txt").toString(),
                    "cache", work.resolve("cache").toString(), "out", work.resolve("run").toString(),
                    "epochs", Integer.toString(epochs), "batch", "16", "heldOut", "1", "checkpointEvery", "3"));

            new AnimationTimer() {
                private long last = -1;

                @Override
                public void handle(long now) {
                    if (last > 0) {
                        frameGaps.add((now - last) / 1e6);
                    }
                    last = now;
                }
            }.start();
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stall-probe");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.atomic.AtomicLong pendingSince = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean traced = new java.util.concurrent.atomic.AtomicBoolean();
            pinger.scheduleAtFixedRate(() -> {
                long waiting = pendingSince.get();
                if (waiting > 0 && System.nanoTime() - waiting > 150_000_000L && traced.compareAndSet(false, true)
                        && traces.size() < 20) {
                    Thread.getAllStackTraces().forEach((t, st) -> {
                        if (t.getName().equals("JavaFX Application Thread")) {
                            StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                                    "FX thread %s, blocked %.0f ms, at %.1f s:%n", t.getState(),
                                    (System.nanoTime() - waiting) / 1e6, (System.nanoTime() - started) / 1e9));
                            for (int k = 0; k < Math.min(st.length, 9); k++) {
                                sb.append("      ").append(st[k]).append('\n');
                            }
                            traces.add(sb.toString());
                        }
                    });
                }
                long posted = System.nanoTime();
                long gcAtPost = gcMillis(); // read here: the probe must not do its own work on the FX thread
                pendingSince.compareAndSet(0, posted);
                Platform.runLater(() -> {
                    pendingSince.set(0);
                    traced.set(false);
                    double ms = (System.nanoTime() - posted) / 1e6;
                    latencies.add(ms);
                    if (ms > 100) {
                        stalls.add(new Stall((posted - started) / 1e9, ms,
                                services.training().stateProperty().get() + ", step "
                                        + services.training().stepProperty().get(), gcAtPost));
                    }
                });
            }, 500, 5, TimeUnit.MILLISECONDS);

            TrainingModel model = services.training();
            long t0 = System.nanoTime();
            if (idleSeconds > 0) {
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(idleSeconds));
                wait.setOnFinished(e -> {
                    pinger.shutdownNow();
                    report(TrainingModel.State.IDLE, model, (System.nanoTime() - t0) / 1e9);
                    services.close();
                    EngineFixtures.deleteTree(work);
                    Platform.exit();
                    System.exit(0);
                });
                wait.play();
                return;
            }
            ((javafx.scene.control.Button) scene.lookup("#startTraining")).fire();
            model.stateProperty().addListener((o, a, s) -> {
                if (s == TrainingModel.State.COMPLETED || s == TrainingModel.State.FAILED) {
                    pinger.shutdownNow();
                    report(s, model, (System.nanoTime() - t0) / 1e9);
                    services.close();
                    EngineFixtures.deleteTree(work);
                    Platform.exit();
                    System.exit(s == TrainingModel.State.COMPLETED ? 0 : 1);
                }
            });
        }

        private void report(TrainingModel.State s, TrainingModel model, double seconds) {
            List<Double> lat;
            List<Double> gaps;
            synchronized (latencies) {
                lat = new ArrayList<>(latencies);
            }
            synchronized (frameGaps) {
                gaps = new ArrayList<>(frameGaps);
            }
            Collections.sort(lat);
            Collections.sort(gaps);
            System.out.printf("training %s: %d steps in %.1f s (%d epochs, batch 16, src-test-data)%n", s,
                    model.stepProperty().get(), seconds, epochs);
            System.out.printf("FX-thread latency of a posted task: max %.1f ms, p99 %.1f ms, median %.1f ms (%d samples)%n",
                    max(lat), pct(lat, 0.99), pct(lat, 0.5), lat.size());
            System.out.printf("gap between frames: max %.1f ms, p99 %.1f ms, median %.1f ms (%d frames)%n",
                    max(gaps), pct(gaps, 0.99), pct(gaps, 0.5), gaps.size());
            System.out.printf("GC time in all: %d ms; posted tasks that waited over 100 ms: %d (%d recorded)%n",
                    gcMillis(), lat.stream().filter(v -> v > 100).count(), stalls.size());
            List<Stall> all;
            synchronized (stalls) {
                all = new ArrayList<>(stalls);
            }
            // one line per episode: consecutive waiting tasks are one stall of the FX thread
            Stall worst = null;
            double end = -1;
            for (Stall x : all) {
                if (worst != null && x.at() > end + 0.05) {
                    print(worst);
                    worst = null;
                }
                if (worst == null || x.ms() > worst.ms()) {
                    worst = x;
                }
                end = Math.max(end, x.at() + x.ms() / 1000);
            }
            if (worst != null) {
                print(worst);
            }
            if (Boolean.getBoolean("stallTraces")) {
                synchronized (traces) {
                    traces.forEach(System.out::print);
                }
            }
            System.out.printf("load average at the end: %.2f (%d cores)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }

        private static void print(Stall s) {
            System.out.printf(java.util.Locale.ROOT, "  stall of %.0f ms posted %.1f s after the start (%s; GC so far "
                    + "%d ms)%n", s.ms(), s.at(), s.state(), s.gcMillis());
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private static double max(List<Double> sorted) {
            return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
        }

        private static double pct(List<Double> sorted, double p) {
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
        }
    }
}
