package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Switching a real collection's model through the facade (the shipped models on real photos): the collection is
 * re-encoded as a job while searches keep answering with the old model and its codes, the new model takes over only
 * once its codes are complete, and switching back reuses the codes already stored.
 */
class ModelSwitchTest {
    @TempDir
    Path tmp;

    @Test
    void activatingAModelReencodesWhileTheOldOneKeepsSearching() throws Exception {
        Path photos = tmp.resolve("photos");
        PhotoCollectionTest.copyPhotos(photos, 12);
        Path paperLoss = TestData.repoRoot().resolve("models/zsih-sketchy-64.zip");
        try (Sketchfind engine = new Sketchfind(); PhotoCollection c = engine.openCollection(tmp.resolve("data"))) {
            c.addFolder(photos, null).await();
            String before = c.model();
            assertEquals(Sketchfind.defaultModelFile(), c.modelFile());
            Sketch cat = PhotoCollectionTest.catDoodle();
            assertEquals(12, c.search(cat, 5).searched());

            List<String> answeredBy = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> searchFailed = new AtomicReference<>();
            List<Long> progress = new CopyOnWriteArrayList<>();
            Job<ScanReport> job = c.activate(paperLoss, new CollectionListener() {
                @Override
                public void onProgress(ScanProgress p) {
                    progress.add(p.done());
                    try { // a search while the new codes are being written: still the old model, all 12 photos
                        SearchResult r = c.search(cat, 5);
                        answeredBy.add(r.model() + "/" + r.searched());
                    } catch (Exception e) {
                        searchFailed.set(e);
                    }
                }
            });
            ScanReport r = job.await();
            assertNull(searchFailed.get());
            assertEquals(12, r.encoded(), "every photo encoded by the new model");
            assertFalse(progress.isEmpty(), "progress reported");
            assertFalse(answeredBy.isEmpty());
            answeredBy.forEach(a -> assertEquals(before + "/12", a, "searches used the old codes until the end"));

            String after = c.model();
            assertNotEquals(before, after);
            assertEquals(paperLoss, c.modelFile());
            assertEquals(after, Sketchfind.describeModel(paperLoss).name());
            SearchResult now = c.search(cat, 5);
            assertEquals(after, now.model());
            assertEquals(12, now.searched());
            assertEquals(12, c.status().encoded());

            // back to the default: its codes are still stored, nothing is encoded again
            ScanReport back = c.activate(Sketchfind.defaultModelFile(), null).await();
            assertEquals(0, back.encoded());
            assertEquals(before, c.model());
        }
    }

    @Test
    void aModelFileThatCannotLoadLeavesTheOldModelInPlace() throws Exception {
        Path notAModel = java.nio.file.Files.writeString(tmp.resolve("broken.zip"), "PK not really");
        try (Sketchfind engine = new Sketchfind(); PhotoCollection c = engine.openCollection(tmp.resolve("data"))) {
            String before = c.model();
            Job<ScanReport> job = c.activate(notAModel, null);
            assertThrows(Exception.class, job::await);
            assertEquals(before, c.model());
        }
    }

    @Test
    void theShippedModelsAreListedAndDescribed() throws Exception {
        List<Path> shipped = Sketchfind.shippedModels();
        assertTrue(shipped.contains(Sketchfind.defaultModelFile()), shipped.toString());
        assertTrue(shipped.stream().anyMatch(p -> p.toString().endsWith(".itq")), shipped.toString());
        ModelInfo info = Sketchfind.describeModel(Sketchfind.defaultModelFile());
        assertEquals(64, info.bits());
        assertNotNull(info.card(), "a ZSIH model file carries its card");
        assertTrue(info.card().contains("split"), info.card());
        assertEquals(List.of("split_sake_zeroshot1_25unseen"),
                Sketchfind.splitColumns(TestData.path("sketchy")).stream()
                        .filter(s -> s.equals("split_sake_zeroshot1_25unseen")).toList());
    }
}
