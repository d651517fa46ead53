package org.sketchfind.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.search.SearchHit;
import org.sketchfind.app.search.SearchOutcome;
import org.sketchfind.app.search.SketchSearch;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.index.CatalogueService;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** App services on a real catalogue in {@code dataDir}, themes not remembered. */
    /**
     * A catalogue in {@code dataDir} encoding with the real 64-bit difference hash ({@code AverageHashEncoder}):
     * fast, deterministic, and enough for tests of the UI (retrieval quality is the engine's tests' business).
     */
    public static org.sketchfind.engine.index.CatalogueService openCatalogue(Path dataDir) throws IOException {
        return new org.sketchfind.engine.index.CatalogueService(org.sketchfind.engine.index.Catalogue.open(dataDir),
                new org.sketchfind.engine.index.AverageHashEncoder(),
                org.sketchfind.engine.index.Indexer.Options.defaults());
    }

    public static AppServices services(CatalogueService catalogue, SketchSearch search) {
        EventBus bus = new EventBus();
        return new AppServices(bus, new ThemeManager(bus, null), catalogue, search);
    }

    /**
     * A {@link SketchSearch} over a real catalogue that stands in for the engine's ranking: the catalogue's photos
     * in path order, distance = rank − 1, with their real thumbnails. Tells the test how many drawings it saw.
     */
    public static final class CatalogueOrderSearch implements SketchSearch {
        private final CatalogueService service;
        public volatile int calls;

        public CatalogueOrderSearch(CatalogueService service) {
            this.service = service;
        }

        @Override
        public SearchOutcome search(org.sketchfind.engine.data.Drawing drawing, int k) throws Exception {
            long t0 = System.nanoTime();
            if (drawing.isEmpty()) {
                throw new IllegalArgumentException("empty drawing reached the search");
            }
            calls++;
            Catalogue c = service.catalogue();
            List<Catalogue.Photo> photos = c.photos().stream().filter(Catalogue.Photo::ok)
                    .sorted(Comparator.comparing(Catalogue.Photo::path)).limit(k).toList();
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                Catalogue.Photo p = photos.get(i);
                hits.add(new SearchHit(p.id(), p.path(), i, c.thumbnailFile(p)));
            }
            return new SearchOutcome(hits, service.encoder().modelId(), (System.nanoTime() - t0) / 1_000_000);
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
