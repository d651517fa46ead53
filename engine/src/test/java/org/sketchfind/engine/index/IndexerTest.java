package org.sketchfind.engine.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.data.FileSha256;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexerTest {
    @TempDir
    Path tmp;
    Path photos;
    Catalogue catalogue;
    PhotoFixtures.CountingEncoder encoder;
    Indexer indexer;
    final List<Path> restoreReadable = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        photos = tmp.resolve("photos");
        Files.createDirectories(photos);
        catalogue = Catalogue.open(tmp.resolve("data"));
        encoder = new PhotoFixtures.CountingEncoder();
        indexer = new Indexer(catalogue, encoder, Indexer.Options.defaults().batchSize(8));
    }

    @AfterEach
    void close() throws IOException {
        indexer.close();
        catalogue.close();
        for (Path p : restoreReadable) { // so that @TempDir can clean up
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private ScanResult scan() throws Exception {
        return indexer.rescan(null).await();
    }

    private Map<Path, Catalogue.Photo> rows() throws IOException {
        return catalogue.photosByPath();
    }

    private long[] codeOf(Path p) throws IOException {
        for (Catalogue.StoredCode c : catalogue.codes(encoder.modelId())) {
            if (c.path().equals(p)) {
                return c.code();
            }
        }
        return null;
    }

    @Test
    void incrementalRescanEncodesOnlyWhatChangedAndFollowsRenamesAndMoves() throws Exception {
        List<Path> a = PhotoFixtures.copy(photos.resolve("a"), 10, 0, "p");
        List<Path> b = PhotoFixtures.copy(photos.resolve("b"), 10, 10, "q");
        Map<String, String> before = PhotoFixtures.snapshot(photos);
        indexer.addFolder(photos, null).await();
        assertEquals(20, encoder.takeImages());
        assertEquals(20, rows().size());
        Catalogue.Status st = catalogue.status(encoder.modelId(), 64);
        assertEquals(20, st.photos());
        assertEquals(20, st.encoded());
        assertTrue(st.skipped().isEmpty(), st.skipped().toString());
        assertTrue(st.folders().get(0).scanComplete());
        for (Catalogue.Photo p : rows().values()) {
            assertTrue(p.ok());
            assertEquals(FileSha256.hex(p.path()), p.sha256());
            assertEquals(Files.size(p.path()), p.size());
            BufferedImage thumb = ImageIO.read(catalogue.thumbnailFile(p).toFile());
            assertTrue(Math.max(thumb.getWidth(), thumb.getHeight()) <= 256);
            BufferedImage img = ImageIO.read(p.path().toFile());
            assertEquals(img.getWidth(), p.width());
            assertEquals(img.getHeight(), p.height());
            assertArrayEquals(new long[] {AverageHashEncoder.hash(Thumbnails.scaleRgb(img, 512))}, codeOf(p.path()));
        }

        // nothing changed: nothing encoded
        ScanResult r = scan();
        assertEquals(0, encoder.takeImages());
        assertEquals(20, r.unchanged());

        // add one
        Path added = photos.resolve("b/new.jpg");
        PhotoFixtures.variant(PhotoFixtures.sources().get(30), added, 1, "jpg");
        r = scan();
        assertEquals(1, encoder.takeImages());
        assertEquals(1, r.added());
        assertEquals(21, rows().size());

        // change the content of one (same path, same row, new hash and code)
        Path changed = a.get(0);
        long idBefore = rows().get(changed).id();
        String shaBefore = rows().get(changed).sha256();
        Files.copy(PhotoFixtures.sources().get(45), changed, StandardCopyOption.REPLACE_EXISTING);
        r = scan();
        assertEquals(1, encoder.takeImages());
        assertEquals(1, r.updated());
        assertEquals(idBefore, rows().get(changed).id());
        assertNotEquals(shaBefore, rows().get(changed).sha256());
        assertArrayEquals(new long[] {AverageHashEncoder.hash(Thumbnails.scaleRgb(
                ImageIO.read(changed.toFile()), 512))}, codeOf(changed));

        // touch one (mtime only): hashed, same content, not re-encoded
        Files.setLastModifiedTime(a.get(1), FileTime.fromMillis(Files.getLastModifiedTime(a.get(1)).toMillis() + 5000));
        r = scan();
        assertEquals(0, encoder.takeImages());
        assertEquals(Files.getLastModifiedTime(a.get(1)).toMillis(), rows().get(a.get(1)).mtimeMillis());

        // delete one
        Files.delete(a.get(2));
        r = scan();
        assertEquals(1, r.removed());
        assertEquals(20, rows().size());
        assertFalse(rows().containsKey(a.get(2)));

        // rename one, and move another between sub-folders: rows follow, nothing re-encoded
        long renamedId = rows().get(a.get(3)).id();
        long[] renamedCode = codeOf(a.get(3));
        Path renamed = photos.resolve("a/renamed.jpg");
        Files.move(a.get(3), renamed);
        long movedId = rows().get(b.get(4)).id();
        Path moved = Files.createDirectories(photos.resolve("a/deeper")).resolve("moved.jpg");
        Files.move(b.get(4), moved);
        r = scan();
        assertEquals(0, encoder.takeImages(), "renames and moves are followed by content hash");
        assertEquals(2, r.moved());
        assertEquals(0, r.removed());
        assertEquals(renamedId, rows().get(renamed).id());
        assertArrayEquals(renamedCode, codeOf(renamed));
        assertEquals(movedId, rows().get(moved).id());
        assertFalse(rows().containsKey(a.get(3)));
        assertEquals(20, rows().size());
        assertEquals(20, catalogue.status(encoder.modelId(), 64).encoded());
        assertEquals("ok", catalogue.integrityCheck());

        // thumbnails: exactly one per distinct content, none orphaned
        long thumbs;
        try (var s = Files.walk(catalogue.thumbnailsDir())) {
            thumbs = s.filter(Files::isRegularFile).count();
        }
        assertEquals(rows().values().stream().map(Catalogue.Photo::sha256).distinct().count(), thumbs);

        // the catalogue never wrote into the photo folder: only the test's own changes are there
        Map<String, String> after = PhotoFixtures.snapshot(photos);
        for (String k : after.keySet()) {
            if (!before.containsKey(k)) {
                assertTrue(List.of("b/new.jpg", "a/renamed.jpg", "a/deeper", "a/deeper/moved.jpg").contains(k), k);
            }
        }
        assertFalse(catalogue.dataDir().startsWith(photos));
    }

    @Test
    void nothingIsWrittenIntoThePhotoFolder() throws Exception {
        PhotoFixtures.copy(photos.resolve("x"), 12);
        Files.write(photos.resolve("x/zero.jpg"), new byte[0]);
        Map<String, String> before = PhotoFixtures.snapshot(photos);
        indexer.addFolder(photos, null).await();
        scan();
        Files.delete(photos.resolve("x/photo-03.jpg")); // and a removal scan: also read-only
        before.remove("x/photo-03.jpg");
        scan();
        Map<String, String> after = PhotoFixtures.snapshot(photos);
        // directory mtimes change with the deletion above; compare files and the folder list
        before.replaceAll((k, v) -> v.startsWith("dir ") ? "dir" : v);
        after.replaceAll((k, v) -> v.startsWith("dir ") ? "dir" : v);
        assertEquals(before, after);
    }

    @Test
    void changingTheModelReencodesEverythingWithoutMixingCodes() throws Exception {
        PhotoFixtures.copy(photos, 12);
        indexer.addFolder(photos, null).await();
        Map<Long, long[]> first = new HashMap<>();
        catalogue.codes(encoder.modelId()).forEach(c -> first.put(c.photoId(), c.code()));
        assertEquals(12, first.size());
        assertEquals(12, encoder.takeImages());
        indexer.close();

        PhotoFixtures.CountingEncoder other = new PhotoFixtures.CountingEncoder("dhash-64-other-model");
        try (Indexer second = new Indexer(catalogue, other, Indexer.Options.defaults().batchSize(5))) {
            ScanResult r = second.rescan(null).await();
            assertEquals(12, other.takeImages());
            assertEquals(12, r.updated());
            assertEquals(12, catalogue.status(other.modelId(), 64).encoded());
            // the first model's codes are untouched and separate
            catalogue.codes(encoder.modelId()).forEach(c -> assertArrayEquals(first.get(c.photoId()), c.code()));
            for (Catalogue.StoredCode c : catalogue.codes(other.modelId())) {
                assertNotEquals(first.get(c.photoId())[0], c.code()[0]);
            }
            second.rescan(null).await();
            assertEquals(0, other.takeImages());
        }
        indexer = new Indexer(catalogue, encoder);
        scan();
        assertEquals(0, encoder.takeImages(), "switching back finds the first model's codes");
    }

    @Test
    void duplicatesAreCataloguedAtEachPathButEncodedOnce() throws Exception {
        Path src = PhotoFixtures.sources().get(7);
        Files.copy(src, photos.resolve("one.jpg"));
        Files.createDirectories(photos.resolve("copies"));
        Files.copy(src, photos.resolve("copies/two.jpg"));
        Files.copy(src, photos.resolve("copies/three.JPG"));
        indexer.addFolder(photos, null).await();
        assertEquals(1, encoder.takeImages());
        Map<Path, Catalogue.Photo> rows = rows();
        assertEquals(3, rows.size());
        assertEquals(1, rows.values().stream().map(Catalogue.Photo::thumbnail).distinct().count());
        long[] code = codeOf(photos.resolve("one.jpg").toAbsolutePath());
        assertArrayEquals(code, codeOf(photos.resolve("copies/two.jpg").toAbsolutePath()));
        assertArrayEquals(code, codeOf(photos.resolve("copies/three.JPG").toAbsolutePath()));
        // a later duplicate reuses the stored code
        Files.copy(src, photos.resolve("four.jpeg"));
        ScanResult r = scan();
        assertEquals(0, encoder.takeImages());
        assertEquals(1, r.reused());
        Files.delete(photos.resolve("one.jpg"));
        scan();
        assertEquals(3, rows().size());
        assertTrue(Files.isRegularFile(catalogue.thumbnailFile(rows().values().iterator().next())));
    }

    @Test
    void aDuplicateInTheNextPipelinedBatchIsNotEncodedAgain() throws Exception {
        List<Path> src = PhotoFixtures.sources();
        Files.copy(src.get(1), photos.resolve("a1.jpg"));
        Files.copy(src.get(2), photos.resolve("a2.jpg"));
        Files.copy(src.get(1), photos.resolve("b1.jpg")); // same content as a1, one batch later
        Files.copy(src.get(3), photos.resolve("b2.jpg"));
        indexer.close();
        indexer = new Indexer(catalogue, encoder, Indexer.Options.defaults().batchSize(2));
        ScanResult r = indexer.addFolder(photos, null).await();
        assertEquals(3, encoder.takeImages());
        assertEquals(1, r.reused());
        assertEquals(4, rows().size());
        assertArrayEquals(codeOf(photos.resolve("a1.jpg").toAbsolutePath()),
                codeOf(photos.resolve("b1.jpg").toAbsolutePath()));
    }

    @Test
    void theCataloguesOwnFolderInsideAPhotoFolderIsNeverCatalogued() throws Exception {
        Path home = tmp.resolve("home");
        PhotoFixtures.copy(home.resolve("Pictures"), 4);
        indexer.close();
        catalogue.close();
        catalogue = Catalogue.open(home.resolve(".local/share/sketchfind")); // the user adds their whole home
        indexer = new Indexer(catalogue, encoder);
        indexer.addFolder(home, null).await();
        assertEquals(4, rows().size());
        assertTrue(rows().keySet().stream().allMatch(p -> p.startsWith(home.resolve("Pictures"))));
        try (var s = Files.walk(catalogue.thumbnailsDir())) {
            assertEquals(4, s.filter(Files::isRegularFile).count());
        }
        ScanResult r = scan();
        assertEquals(4, r.filesSeen(), "thumbnails written by the first scan are not photos");
        assertEquals(4, r.unchanged());
    }

    @Test
    void codeChangeEventsKeepAnInMemoryMirrorCurrent() throws Exception {
        List<Path> files = PhotoFixtures.copy(photos, 6);
        Map<Long, Boolean> mirror = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> models = new CopyOnWriteArrayList<>();
        ScanListener l = new ScanListener() {
            @Override
            public void onProgress(ScanProgress progress) {
            }

            @Override
            public void onCodesChanged(String modelId, Catalogue.CodesChanged change) {
                models.add(modelId);
                change.coded().forEach(id -> mirror.put(id, true));
                change.uncoded().forEach(mirror::remove);
            }
        };
        indexer.addFolder(photos, l).await();
        assertEquals(6, mirror.size());
        Files.delete(files.get(0));                                   // deleted
        Files.write(files.get(1), new byte[0]);                       // now skipped
        Files.move(files.get(2), photos.resolve("renamed.jpg"));      // same code
        Files.copy(PhotoFixtures.sources().get(33), files.get(3), StandardCopyOption.REPLACE_EXISTING); // new code
        indexer.rescan(l).await();
        java.util.Set<Long> expected = new java.util.HashSet<>();
        catalogue.codes(encoder.modelId()).forEach(c -> expected.add(c.photoId()));
        assertEquals(4, expected.size());
        assertEquals(expected, mirror.keySet());
        assertTrue(models.stream().allMatch(encoder.modelId()::equals));
    }

    @Test
    void badFilesAreSkippedWithReasonsAndTheRestIsCatalogued() throws Exception {
        PhotoFixtures.copy(photos, 6);
        byte[] jpg = Files.readAllBytes(PhotoFixtures.sources().get(20));
        Files.write(photos.resolve("zero.jpg"), new byte[0]);
        Files.write(photos.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length / 3));
        Files.writeString(photos.resolve("text.png"), "this is not a picture");
        Files.write(photos.resolve("bomb.png"), PhotoFixtures.hugeDeclaredPng(60_000, 60_000));
        // an ISO-BMFF 'ftyp heic' header, as an iPhone photo starts (no HEIC decoder on the class path)
        byte[] heic = Arrays.copyOf(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
                'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'}, 400);
        Files.write(photos.resolve("phone.HEIC"), heic);
        Files.writeString(photos.resolve("readme.txt"), "not an image name: ignored");
        indexer.addFolder(photos, null).await();
        Catalogue.Status st = catalogue.status(encoder.modelId(), 64);
        assertEquals(6, st.photos());
        assertEquals(6, st.encoded());
        Map<String, String> causes = new HashMap<>();
        st.skipped().forEach(s -> causes.put(Path.of(s.file()).getFileName().toString(), s.cause()));
        assertEquals(5, causes.size(), causes.toString());
        assertTrue(causes.get("zero.jpg").contains("empty"), causes.toString());
        assertTrue(causes.get("truncated.jpg").matches(".*(truncated|corrupt|end of file).*"), causes.toString());
        assertTrue(causes.get("text.png").contains("unsupported image format"), causes.toString());
        assertTrue(causes.get("bomb.png").contains("over the limit"), causes.toString());
        assertTrue(causes.get("phone.HEIC").contains("HEIC"), causes.toString());

        // skipped files are not retried while unchanged
        encoder.takeImages();
        ScanResult r = scan();
        assertEquals(0, r.skipped());
        assertEquals(0, encoder.takeImages());
        // ...and are catalogued once repaired
        Files.write(photos.resolve("truncated.jpg"), jpg);
        r = scan();
        assertEquals(1, encoder.takeImages());
        assertEquals(7, catalogue.status(encoder.modelId(), 64).photos());
        assertEquals(4, catalogue.status(encoder.modelId(), 64).skipped().size());
    }

    @Test
    void unreadableFilesAndFoldersAreReportedAndTheirRowsKept() throws Exception {
        PhotoFixtures.copy(photos.resolve("open"), 4, 0, "o");
        Path locked = photos.resolve("locked");
        PhotoFixtures.copy(locked, 3, 10, "l");
        indexer.addFolder(photos, null).await();
        assertEquals(7, rows().size());

        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        restoreReadable.add(locked);
        Path lockedFile = photos.resolve("open/o00.jpg");
        Files.setLastModifiedTime(lockedFile, FileTime.fromMillis(1_000_000L)); // forces a re-read
        Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("---------"));
        restoreReadable.add(lockedFile);
        Assumptions.assumeFalse(Files.isReadable(lockedFile) || Files.isReadable(locked),
                "skipped: running as a user who can read chmod-000 files (root?), permission errors cannot be provoked");
        ScanResult r = scan();
        Map<Path, Catalogue.Photo> rows = rows();
        assertEquals(7, rows.size(), "rows under an unreadable folder are kept, not dropped");
        assertEquals(0, r.removed());
        Map<String, String> causes = new HashMap<>();
        catalogue.skipped().forEach(s -> causes.put(s.file(), s.cause()));
        assertTrue(causes.getOrDefault(locked.toAbsolutePath().toString(), "").contains("permission denied"),
                causes.toString());
        assertTrue(causes.getOrDefault(lockedFile.toAbsolutePath().toString(), "").contains("permission denied"),
                causes.toString());
        assertFalse(rows.get(lockedFile.toAbsolutePath()).ok());
    }

    @Test
    void symlinkLoopsAreReportedAndEveryPhotoCataloguedOnce() throws Exception {
        PhotoFixtures.copy(photos.resolve("real"), 5);
        try {
            Files.createSymbolicLink(photos.resolve("real/loop"), photos);          // back to an ancestor
            Files.createSymbolicLink(photos.resolve("alias"), photos.resolve("real")); // same folder twice
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("skipped: symbolic links not supported here: " + e);
        }
        Map<String, String> before = PhotoFixtures.snapshot(photos.resolve("real"));
        ScanResult r = indexer.addFolder(photos, null).await();
        assertEquals(5, rows().size());
        assertEquals(5, r.filesSeen());
        assertTrue(catalogue.skipped().stream().anyMatch(s -> s.cause().contains("symbolic link loop")),
                catalogue.skipped().toString());
        scan();
        assertEquals(5, rows().size());
        assertEquals(0, encoder.takeImages() - 5);
        assertEquals(before, PhotoFixtures.snapshot(photos.resolve("real")));
    }

    @Test
    void aVanishedFolderKeepsItsRowsUntilItReturns() throws Exception {
        PhotoFixtures.copy(photos, 5);
        indexer.addFolder(photos, null).await();
        Path away = tmp.resolve("away");
        Files.move(photos, away);
        ScanResult r = scan();
        assertEquals(0, r.removed());
        assertEquals(5, rows().size());
        assertTrue(catalogue.skipped().stream().anyMatch(s -> s.cause().contains("folder not found")));
        Files.move(away, photos);
        encoder.takeImages();
        scan();
        assertEquals(0, encoder.takeImages());
        assertTrue(catalogue.skipped().isEmpty());

        // an empty mount point looks like a folder emptied of everything: rows kept, problem reported
        Path stash = Files.createDirectories(tmp.resolve("stash"));
        try (var s = Files.list(photos)) {
            for (Path p : s.toList()) {
                Files.move(p, stash.resolve(p.getFileName()));
            }
        }
        r = scan();
        assertEquals(0, r.removed());
        assertEquals(5, rows().size());
        assertTrue(catalogue.skipped().stream().anyMatch(s -> s.cause().contains("folder is empty now")),
                catalogue.skipped().toString());
        // once some photos are back, the folder is trusted again and the missing ones are dropped
        Files.move(stash.resolve("photo-00.jpg"), photos.resolve("photo-00.jpg"));
        r = scan();
        assertEquals(4, r.removed());
        assertEquals(1, rows().size());
        assertEquals(0, encoder.takeImages());
    }

    @Test
    void twoIndexersOnOneCatalogueTakeTurns() throws Exception {
        PhotoFixtures.copy(photos, 20);
        catalogue.addFolder(photos);
        PhotoFixtures.CountingEncoder otherEncoder = new PhotoFixtures.CountingEncoder();
        // a second connection, as another process (the app while the command line runs) would have
        try (Catalogue second = Catalogue.open(catalogue.dataDir());
             Indexer other = new Indexer(second, otherEncoder, Indexer.Options.defaults().batchSize(3))) {
            ScanHandle h1 = indexer.rescan(null);
            ScanHandle h2 = other.rescan(null);
            ScanResult r1 = h1.await();
            ScanResult r2 = h2.await();
            assertFalse(r1.cancelled() || r2.cancelled());
            assertEquals(20, encoder.takeImages() + otherEncoder.takeImages(), "each photo encoded once");
            assertEquals(20, r1.added() + r2.added());
        }
        assertEquals(20, rows().size());
        assertEquals(20, catalogue.status(encoder.modelId(), 64).encoded());
        assertEquals("ok", catalogue.integrityCheck());
    }

    @Test
    void progressPauseResumeAndCancel() throws Exception {
        for (int i = 0; i < 24; i++) {
            PhotoFixtures.variant(PhotoFixtures.sources().get(i), photos.resolve("v" + i + ".png"), i, "png");
        }
        catalogue.addFolder(photos);
        indexer.close();
        indexer = new Indexer(catalogue, encoder, Indexer.Options.defaults().batchSize(4));
        List<ScanProgress> events = new CopyOnWriteArrayList<>();
        AtomicBoolean pausedOnce = new AtomicBoolean();
        ScanHandle[] h = new ScanHandle[1];
        h[0] = indexer.rescan(p -> {
            events.add(p);
            if (p.phase() == ScanProgress.Phase.INDEXING && p.done() == 8 && pausedOnce.compareAndSet(false, true)) {
                h[0].pause();
            }
        });
        long deadline = System.currentTimeMillis() + 20_000;
        while (!pausedOnce.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(pausedOnce.get());
        Thread.sleep(400);
        assertTrue(h[0].isPaused());
        assertFalse(h[0].isDone());
        assertEquals(8, events.get(events.size() - 1).done(), "no progress while paused");
        assertEquals(8, catalogue.photos().size(), "two batches committed, none while paused");
        h[0].resume();
        ScanResult r = h[0].await();
        assertFalse(r.cancelled());
        assertEquals(24, r.added());
        ScanProgress last = events.get(events.size() - 1);
        assertEquals(ScanProgress.Phase.DONE, last.phase());
        assertEquals(24, last.total());
        assertEquals(24, last.done());
        assertTrue(events.stream().anyMatch(p -> p.photosPerSecond() > 0 && p.etaSeconds() >= 0));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).done() >= events.get(i - 1).done());
        }

        // cancel: committed batches stay, the next scan finishes the rest without redoing them
        for (int i = 24; i < 44; i++) {
            PhotoFixtures.variant(PhotoFixtures.sources().get(i), photos.resolve("w" + i + ".png"), i, "png");
        }
        encoder.takeImages();
        ScanHandle[] c = new ScanHandle[1];
        c[0] = indexer.rescan(p -> {
            if (p.phase() == ScanProgress.Phase.INDEXING && p.done() >= 4) {
                c[0].cancel();
            }
        });
        ScanResult cancelled = c[0].await();
        assertTrue(cancelled.cancelled());
        int firstPart = encoder.takeImages();
        assertTrue(firstPart >= 4 && firstPart < 20, "stopped early: " + firstPart);
        assertEquals(24 + firstPart, catalogue.photos().size());
        scan();
        assertEquals(20 - firstPart, encoder.takeImages());
        assertEquals(44, catalogue.status(encoder.modelId(), 64).encoded());
    }
}
