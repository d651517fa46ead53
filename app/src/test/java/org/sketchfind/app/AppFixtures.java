package org.sketchfind.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.search.EngineSketchSearch;
import org.sketchfind.app.search.SearchQuery;
import org.sketchfind.app.search.SketchSearch;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.engine.EngineFixtures;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketchfind;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Shared fixtures of the app's TestFX tests: real photos from src-test-data, real catalogues, FX-thread reads. */
public final class AppFixtures {
    private AppFixtures() {
    }

    /** The repository root: {@code -Dsketchfind.root}, else the first parent holding src-test-data. */
    public static Path repoRoot() {
        String p = System.getProperty("sketchfind.root");
        if (p != null && Files.isDirectory(Path.of(p, "src-test-data"))) {
            return Path.of(p).toAbsolutePath();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("src-test-data"))) {
                return d;
            }
        }
        throw new IllegalStateException("src-test-data not found above " + Path.of("").toAbsolutePath());
    }

    /** The Sketchy test photos (class folders), sorted by path. */
    public static List<Path> testPhotos() throws IOException {
        try (Stream<Path> s = Files.walk(repoRoot().resolve("src-test-data/sketchy/photo"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Copies the first {@code n} test photos (keeping their class folders) into {@code dest}. */
    public static List<Path> copyPhotos(Path dest, int n) throws IOException {
        Path src = repoRoot().resolve("src-test-data/sketchy/photo");
        List<Path> out = new ArrayList<>();
        for (Path p : testPhotos().subList(0, n)) {
            Path to = dest.resolve(src.relativize(p).toString());
            Files.createDirectories(to.getParent());
            Files.copy(p, to);
            out.add(to);
        }
        return out;
    }

    /**
     * A real collection in {@code dataDir} (the engine's facade fixture): encoded by the model-free 64-bit
     * difference hash, fast and deterministic, and enough for tests of the UI (retrieval quality is the engine's
     * tests' business).
     */
    public static PhotoCollection openCollection(Path dataDir) throws IOException {
        return EngineFixtures.modelFreeCollection(dataDir);
    }

    /** App services on {@code photos}, themes not remembered. */
    public static AppServices services(PhotoCollection photos, SketchSearch search) {
        EventBus bus = new EventBus();
        return new AppServices(bus, new ThemeManager(bus, null), photos, search);
    }

    /**
     * App services on {@code photos} with the given settings and dialogs, a fresh engine on the shipped default
     * model, and the repository as the install root (demo drawings).
     */
    public static AppServices services(PhotoCollection photos, SketchSearch search, AppSettings settings,
                                       FileDialogs dialogs) {
        EventBus bus = new EventBus();
        return new AppServices(bus, new ThemeManager(bus, null), photos, search, new Sketchfind(), settings, dialogs,
                repoRoot());
    }

    /** A search for pages that do not search: it fails if called. */
    public static SketchSearch noSearch() {
        return (query, k, expand) -> {
            throw new IllegalStateException("not used here");
        };
    }

    /** The main window of {@code services} and its scene, shown on {@code stage} at 1200 × 780. */
    public record Shown(MainWindow window, javafx.scene.Scene scene) {
    }

    /** Builds the main window on {@code services} and shows it on {@code stage} (call on the FX thread). */
    public static Shown show(javafx.stage.Stage stage, AppServices services) {
        MainWindow window = new MainWindow(services, owner -> null);
        javafx.scene.Scene scene = window.createScene(1200, 780);
        stage.setScene(scene);
        stage.show();
        return new Shown(window, scene);
    }

    /** A model-free collection with the first {@code n} test photos indexed, in fresh temporary folders. */
    public static PhotoCollection indexedCollection(int n) throws Exception {
        PhotoCollection collection = openCollection(Files.createTempDirectory("sf-app-data"));
        Path folder = Files.createTempDirectory("sf-app-photos");
        copyPhotos(folder, n);
        collection.addFolder(folder, null).await();
        return collection;
    }

    /** A real collection in {@code dataDir} on the shipped default model (loads it: seconds). */
    public static PhotoCollection realCollection(Path dataDir) throws IOException {
        return new Sketchfind().openCollection(dataDir);
    }

    /** File dialogs that answer from a queue instead of asking (null when the queue is empty: cancelled). */
    public static final class StubDialogs implements FileDialogs {
        private final java.util.Deque<Path> answers = new java.util.concurrent.ConcurrentLinkedDeque<>();
        public final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** The next dialog (of any kind) answers {@code p}. */
        public StubDialogs answer(Path p) {
            answers.add(p);
            return this;
        }

        @Override
        public Path pickFolder(javafx.stage.Window owner, String title, Path initial) {
            asked.add(title);
            return answers.poll();
        }

        @Override
        public Path openFile(javafx.stage.Window owner, String title, List<Filter> filters) {
            asked.add(title);
            return answers.poll();
        }

        @Override
        public Path saveFile(javafx.stage.Window owner, String title, String suggestedName, List<Filter> filters) {
            asked.add(title);
            return answers.poll();
        }
    }

    /** {@code src-test-data/<first>/<more>}. */
    public static Path testData(String first, String... more) {
        return repoRoot().resolve("src-test-data").resolve(Path.of(first, more));
    }

    /**
     * The engine's sketch search over a collection (with the fixture's difference hash), counting the sketches it
     * saw and refusing an empty one.
     */
    public static final class CountingSearch implements SketchSearch {
        private final EngineSketchSearch engine;
        public volatile int calls;
        public volatile SearchQuery last;
        public volatile int lastExpand = -1;

        public CountingSearch(PhotoCollection photos) {
            this.engine = new EngineSketchSearch(photos);
        }

        @Override
        public SearchResult search(SearchQuery query, int k, int expand) throws Exception {
            if (query instanceof SearchQuery.Drawing d && d.sketch().isEmpty()) {
                throw new IllegalArgumentException("empty sketch reached the search");
            }
            calls++;
            last = query;
            lastExpand = expand;
            return engine.search(query, k, expand);
        }
    }

    /** Evaluates {@code read} on the FX thread. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX read failed", e);
        }
    }

    /** Waits (up to {@code seconds}) until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitUntil(int seconds, String what, Callable<Boolean> condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(fx(condition))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
    }

    /** Snapshots the scene into app/target/screenshots/NAME.png (for a person to look at); returns the file. */
    public static Path screenshot(Scene scene, String name) throws IOException {
        WritableImage img = fx(() -> scene.snapshot(null));
        Path dir = repoRoot().resolve("app/target/screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        return file;
    }
}
