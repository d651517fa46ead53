package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.data.Stroke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The collection through the facade only, on real photos of src-test-data: scans as jobs (progress, pause, cancel),
 * sketch search, the first-start demo folder, and the values it hands out.
 */
class PhotoCollectionTest {
    @TempDir
    Path tmp;

    static List<Path> copyPhotos(Path dest, int n) throws IOException {
        Path src = TestData.path("sketchy", "photo");
        List<Path> all;
        try (Stream<Path> s = Files.walk(src)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (Path p : all.subList(0, n)) {
            Path to = dest.resolve(src.relativize(p).toString());
            Files.createDirectories(to.getParent());
            Files.copy(p, to);
            out.add(to);
        }
        return out;
    }

    static Sketch catDoodle() {
        Drawing d = QuickDrawReader.read(TestData.path("quickdraw", "simplified", "cat.ndjson")).items().get(0)
                .drawing();
        List<Sketch.Stroke> strokes = new ArrayList<>();
        for (Stroke s : d.strokes()) {
            strokes.add(new Sketch.Stroke(s.xs(), s.ys()));
        }
        return new Sketch(strokes);
    }

    @Test
    void aFolderIsIndexedAsAJobAndSearchedWithASketch() throws Exception {
        Path photos = tmp.resolve("photos");
        copyPhotos(photos, 20);
        List<ScanProgress> events = new CopyOnWriteArrayList<>();
        List<ScanReport> finished = new CopyOnWriteArrayList<>();
        try (PhotoCollection c = EngineFixtures.modelFreeCollection(tmp.resolve("data"))) {
            Job<ScanReport> job = c.addFolder(photos, new CollectionListener() {
                @Override
                public void onProgress(ScanProgress p) {
                    events.add(p);
                }

                @Override
                public void onFinished(ScanReport r) {
                    finished.add(r);
                }
            });
            assertTrue(job.pausable());
            ScanReport r = job.await();
            assertEquals(20, r.added());
            assertEquals(20, r.encoded());
            assertFalse(r.cancelled());
            // the job completes first, then the listener hears the end (on the same scan thread, right after)
            for (int i = 0; i < 100 && finished.isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertEquals(List.of(r), finished, "the listener hears the end too");
            assertTrue(events.stream().anyMatch(p -> p.phase() == ScanProgress.Phase.INDEXING && p.done() > 0));
            assertEquals(ScanProgress.Phase.DONE, events.get(events.size() - 1).phase());

            CollectionStatus st = c.status();
            assertEquals(20, st.photos());
            assertEquals(20, st.encoded());
            assertEquals(c.modelId(), st.modelId());
            assertEquals(1, st.folders().size());
            assertTrue(st.folders().get(0).scanComplete());
            assertEquals(tmp.resolve("data"), st.dataDir());

            SearchResult res = c.search(catDoodle(), 8);
            assertEquals(8, res.hits().size());
            assertEquals(20, res.searched());
            assertEquals(c.model(), res.model());
            assertEquals(64, res.bits());
            assertTrue(res.encodeMillis() > 0 && res.searchMillis() > 0 && res.totalMillis() > res.searchMillis());
            Set<Long> ids = new HashSet<>();
            Set<Integer> distances = new HashSet<>();
            for (int i = 0; i < res.hits().size(); i++) {
                Hit h = res.hits().get(i);
                assertTrue(h.path().startsWith(photos), h.path().toString());
                assertTrue(Files.isRegularFile(h.thumbnail()), "thumbnail of " + h.path());
                assertTrue(ids.add(h.photoId()), "each photo once");
                distances.add(h.distance());
                if (i > 0) {
                    assertTrue(res.hits().get(i - 1).distance() <= h.distance(), "ranked by distance");
                }
            }
            assertTrue(distances.size() > 1, "photos got different codes: " + distances);
            assertThrows(IllegalArgumentException.class, () -> c.search(new Sketch(List.of()), 5));
        }
    }

    @Test
    void aScanJobPausesResumesAndCancelsKeepingWhatItCommitted() throws Exception {
        Path photos = tmp.resolve("photos");
        copyPhotos(photos, 12);
        AtomicReference<Job<ScanReport>> job = new AtomicReference<>();
        List<ScanProgress> events = new CopyOnWriteArrayList<>();
        try (PhotoCollection c = EngineFixtures.slowCollection(tmp.resolve("data"), 150)) {
            job.set(c.addFolder(photos, new CollectionListener() {
                @Override
                public void onProgress(ScanProgress p) {
                    events.add(p);
                }
            }));
            long end = System.nanoTime() + 30_000_000_000L;
            while (events.stream().noneMatch(p -> p.phase() == ScanProgress.Phase.INDEXING && p.done() >= 1)) {
                assertTrue(System.nanoTime() < end, "indexing started");
                Thread.sleep(10);
            }
            job.get().pause();
            Thread.sleep(400); // the batch under way finishes
            int seen = events.size();
            Thread.sleep(800);
            assertEquals(seen, events.size(), "no progress while paused");
            job.get().resume();
            while (events.size() == seen) {
                assertTrue(System.nanoTime() < end, "progress after resuming");
                Thread.sleep(10);
            }
            job.get().cancel();
            ScanReport r = job.get().await();
            assertTrue(r.cancelled());
            long kept = c.status().photos();
            assertTrue(kept > 0 && kept < 12, "kept the committed batches only: " + kept);
            assertFalse(c.status().folders().get(0).scanComplete());

            Optional<Job<ScanReport>> finish = c.startUp(null, CollectionListener.none());
            assertTrue(finish.isPresent(), "an unfinished scan is finished at start-up");
            assertEquals(12, finish.get().await().filesSeen());
            assertEquals(12, c.status().photos());
        }
    }

    @Test
    void theDemoFolderIsOfferedOnceOnAFirstStartWithAnEmptyCatalogue() throws Exception {
        Path demo = tmp.resolve("demo");
        try (PhotoCollection c = EngineFixtures.modelFreeCollection(tmp.resolve("data"))) {
            assertEquals(Optional.empty(), c.startUp(demo, null), "no demo folder shipped: nothing");
            assertEquals(Optional.empty(), c.startUp(null, null), "unknown folder: nothing");
            copyPhotos(demo, 2);
            Optional<Job<ScanReport>> first = c.startUp(demo, null);
            assertTrue(first.isPresent(), "appears later: offered then");
            assertEquals(2, first.get().await().added());
            c.removeFolder(demo, null).await();
            assertEquals(Optional.empty(), c.startUp(demo, null), "offered only once: removed stays removed");
        }
        try (PhotoCollection c = EngineFixtures.modelFreeCollection(tmp.resolve("mine"))) {
            Path mine = tmp.resolve("my-photos");
            copyPhotos(mine, 1);
            c.addFolder(mine, null).await();
            assertEquals(Optional.empty(), c.startUp(demo, null), "the user has a collection: no demo");
            c.removeFolder(mine, null).await();
            assertEquals(Optional.empty(), c.startUp(demo, null), "the user had a collection: not later either");
        }
    }

    @Test
    void removingAFolderThatIsNotRegisteredFails() throws Exception {
        try (PhotoCollection c = EngineFixtures.modelFreeCollection(tmp.resolve("data"))) {
            Job<ScanReport> job = c.removeFolder(tmp.resolve("never-added"), null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, job::await);
            assertTrue(e.getMessage().contains("not a registered folder"), e.getMessage());
            Job<ScanReport> missing = c.addFolder(tmp.resolve("absent"), null);
            assertTrue(assertThrows(IOException.class, missing::await).getMessage().contains("not a folder"));
        }
    }

    @Test
    void sketchOfPointsLeavesOutEmptyStrokes() {
        Sketch s = Sketch.ofPoints(List.of(List.of(new double[]{1, 2}, new double[]{3, 4}), Collections.emptyList()));
        assertEquals(1, s.strokes().size());
        assertArrayEquals(new float[]{1, 3}, s.strokes().get(0).xs());
        assertArrayEquals(new float[]{2, 4}, s.strokes().get(0).ys());
        assertTrue(Sketch.ofPoints(List.of()).isEmpty());
    }
}
