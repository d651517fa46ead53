package org.sketchfind.app;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sketchfind.engine.CollectionStatus;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.Sketchfind;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * For the packaging check (installer/check-deb.sh): with {@code -Dsketchfind.readyFile=FILE} the app watches
 * itself from outside its views and writes one line to FILE once a person could use it: a window shows a sketch
 * canvas that is visible and enabled, the demo collection is catalogued and searchable, and a stroke dragged across
 * the canvas through the OS's input (JavaFX's Robot: XTest on Linux) changed the canvas. The line says how long that
 * took from the process's start; {@code -Dsketchfind.readyScreenshot=PNG} also saves the window as the person sees
 * it. Gives up (and says so in FILE) after {@code -Dsketchfind.readyTimeout} seconds (default 300). Off unless asked.
 */
final class ReadyProbe implements Runnable {
    static final String FILE_PROPERTY = "sketchfind.readyFile";
    private final Path file;
    private final Path screenshot;
    private final long timeoutSeconds;

    private ReadyProbe(Path file, Path screenshot, long timeoutSeconds) {
        this.file = file;
        this.screenshot = screenshot;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Starts the probe on a daemon thread if {@value #FILE_PROPERTY} is set. */
    static void startIfAsked() {
        String f = System.getProperty(FILE_PROPERTY);
        if (f == null || f.isBlank()) {
            return;
        }
        String shot = System.getProperty("sketchfind.readyScreenshot");
        Thread t = new Thread(new ReadyProbe(Path.of(f), shot == null || shot.isBlank() ? null : Path.of(shot),
                Long.getLong("sketchfind.readyTimeout", 300)), "sketchfind-ready-probe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no window yet";
        try (Sketchfind engine = new Sketchfind()) {
            PhotoCollection photos = null;
            try {
                while (System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    Canvas canvas;
                    try {
                        canvas = onFx(ReadyProbe::usableCanvas);
                    } catch (IllegalStateException notYet) {
                        last = "JavaFX has not started yet";
                        continue;
                    }
                    if (canvas == null) {
                        last = "no visible, enabled sketch canvas yet";
                        continue;
                    }
                    if (photos == null && Sketchfind.hasCollection(AppPaths.dataDirOverride())) {
                        photos = engine.openCollectionLazily(AppPaths.dataDirOverride(), false);
                    }
                    CollectionStatus st = photos == null ? null : photos.status();
                    if (st == null || st.folders().isEmpty() || !st.folders().get(0).scanComplete()
                            || st.encoded() == 0) {
                        last = "canvas shown; the demo collection is not catalogued yet"
                                + (st == null ? "" : " (" + st.encoded() + " photos encoded)");
                        continue;
                    }
                    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                    Bounds b = onFx(() -> canvas.getScene() == null ? null
                            : canvas.localToScreen(canvas.getBoundsInLocal()));
                    int changed = b == null ? -1 : drawStroke(canvas, b);
                    if (changed < 0) {
                        // the start canvas was replaced by the Search page's (the model finished loading): look again
                        last = "the canvas left the window while the probe drew on it";
                        continue;
                    }
                    if (changed == 0) {
                        last = "a stroke dragged across the canvas changed nothing";
                        continue;
                    }
                    if (screenshot != null) {
                        onFx(() -> save(canvas, screenshot));
                    }
                    write(String.format(Locale.ROOT, "ready %.1f s after start: canvas %.0fx%.0f at (%.0f, %.0f),"
                                    + " a dragged stroke changed %d pixels; %d photos, %d encoded, folder %s;"
                                    + " OMP_WAIT_POLICY=%s%n",
                            seconds, b.getWidth(), b.getHeight(), b.getMinX(), b.getMinY(), changed, st.photos(),
                            st.encoded(), st.folders().get(0).path(), System.getenv("OMP_WAIT_POLICY")));
                    return;
                }
                write("not ready after " + timeoutSeconds + " s: " + last + "\n");
            } finally {
                if (photos != null) {
                    photos.close();
                }
            }
        } catch (Exception e) {
            write("probe failed: " + e + "\n");
        }
    }

    /** The first canvas in a showing window that a person could draw on. */
    private static Canvas usableCanvas() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage && w.isShowing() && w.getScene() != null) {
                Canvas c = find(w.getScene().getRoot());
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Canvas find(Node n) {
        if (n == null || !n.isVisible() || n.isDisabled()) {
            return null;
        }
        if (n instanceof Canvas c && c.getWidth() >= 50 && c.getHeight() >= 50) {
            return c;
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Canvas c = find(child);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * Drags the OS mouse in a zigzag across the canvas (at {@code b}, its bounds on screen); returns how many of its
     * pixels changed, or -1 when the canvas left its window meanwhile (the start canvas is replaced by the Search
     * page's once the model has loaded).
     */
    private static int drawStroke(Canvas canvas, Bounds b) throws Exception {
        WritableImage before = onFx(() -> canvas.snapshot(null, null));
        Robot robot = onFx(Robot::new);
        onFx(() -> {
            robot.mouseMove(b.getMinX() + b.getWidth() * 0.25, b.getMinY() + b.getHeight() * 0.3);
            robot.mousePress(MouseButton.PRIMARY);
            return null;
        });
        for (int i = 1; i <= 20; i++) {
            double x = b.getMinX() + b.getWidth() * (0.25 + 0.5 * i / 20.0);
            double y = b.getMinY() + b.getHeight() * (i % 2 == 0 ? 0.3 : 0.7);
            onFx(() -> {
                robot.mouseMove(x, y);
                return null;
            });
            Thread.sleep(15);
        }
        onFx(() -> {
            robot.mouseRelease(MouseButton.PRIMARY);
            return null;
        });
        Thread.sleep(500);
        if (onFx(() -> canvas.getScene() == null)) {
            return -1;
        }
        WritableImage after = onFx(() -> canvas.snapshot(null, null));
        int changed = 0;
        int w = (int) Math.min(before.getWidth(), after.getWidth());
        int h = (int) Math.min(before.getHeight(), after.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (before.getPixelReader().getArgb(x, y) != after.getPixelReader().getArgb(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static Void save(Canvas canvas, Path png) throws IOException {
        javafx.scene.Scene scene = canvas.getScene();
        for (Window w : Window.getWindows()) {
            if (scene == null && w instanceof Stage && w.isShowing()) {
                scene = w.getScene(); // the canvas was replaced meanwhile: the window as the person sees it
            }
        }
        if (scene == null) {
            return null;
        }
        WritableImage img = scene.snapshot(null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
        return null;
    }

    private void write(String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("sketchfind-app: cannot write " + file + ": " + e.getMessage());
        }
        System.err.print("sketchfind-app: " + line);
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    private static <T> T onFx(FxWork<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private interface FxWork<T> {
        T get() throws Exception;
    }
}
