package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderWatcherTest {
    @TempDir
    Path tmp;

    @Test
    void debouncesChangesInNewSubfoldersAndSurvivesTheFolderVanishing() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("photos"));
        Semaphore changes = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        try (FolderWatcher w = new FolderWatcher(() -> List.of(root), () -> {
            calls.incrementAndGet();
            changes.release();
        }, Duration.ofMillis(400), Duration.ofMillis(100)).start()) {
            Thread.sleep(300); // let it register
            assertEquals(0, calls.get(), "no change, no call");

            // a burst of changes in a sub-folder created after the start: one debounced call
            Path sub = Files.createDirectories(root.resolve("2024/summer"));
            Thread.sleep(150); // the new folder gets registered
            PhotoFixtures.copy(sub, 6);
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "change noticed");
            Thread.sleep(800);
            assertTrue(calls.get() <= 2, "debounced: " + calls.get() + " calls for a burst of 6 files + folders");
            changes.drainPermits();
            Files.write(sub.resolve("photo-00.jpg"), Files.readAllBytes(PhotoFixtures.sources().get(9)));
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "a change deep in a new sub-folder is noticed");

            // the folder vanishes...
            changes.drainPermits();
            Path away = tmp.resolve("away");
            Files.move(root, away);
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "vanishing is a change");
            assertTrue(waitFor(() -> w.missingFolders().contains(root)));
            // ...and comes back
            changes.drainPermits();
            Files.move(away, root);
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "its return is a change");
            assertTrue(waitFor(() -> w.missingFolders().isEmpty()));
            // and it is watched again
            changes.drainPermits();
            PhotoFixtures.copy(root.resolve("back"), 1);
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "watched again after its return");
        }
    }

    @Test
    void watchingTheCatalogueKeepsItCurrent() throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        PhotoFixtures.copy(photos, 3);
        try (CatalogueService svc = new CatalogueService(Catalogue.open(tmp.resolve("data")),
                new AverageHashEncoder(), Indexer.Options.defaults())) {
            svc.catalogue().addFolder(photos);
            assertTrue(svc.scanUnfinished(), "registered, not yet scanned");
            svc.rescan(null).await();
            assertFalse(svc.scanUnfinished());
            assertEquals(3, svc.status().photos());
            svc.watch(null);
            Thread.sleep(300);
            PhotoFixtures.copy(photos.resolve("new"), 2, 20, "n");
            Files.delete(photos.resolve("photo-00.jpg"));
            assertTrue(waitFor(() -> {
                try {
                    return svc.status().photos() == 4 && svc.status().encoded() == 4;
                } catch (Exception e) {
                    return false;
                }
            }), "watcher-triggered rescan catalogued the change");
            assertFalse(svc.catalogue().photosByPath().containsKey(photos.resolve("photo-00.jpg").toAbsolutePath()));
        }
    }

    private static boolean waitFor(BooleanSupplier cond) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (cond.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return cond.getAsBoolean();
    }
}
