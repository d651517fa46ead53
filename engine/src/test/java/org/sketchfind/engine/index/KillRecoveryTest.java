package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.data.FileSha256;

import javax.imageio.ImageIO;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill -9 during indexing: a real separate JVM indexes a few hundred photos and is killed forcibly mid-scan, twice
 * (first right after a batch committed, then in the middle of a batch); an in-process {@code rescan} then finishes.
 * Afterwards every file is catalogued exactly once with a correct code and thumbnail, and only the contents not
 * committed before the kills were encoded again.
 *
 * <p>Duplicates: the folder also holds byte-identical copies at other paths. Each path gets its own row; the code
 * is computed once per content and copied, the thumbnail is shared.
 */
class KillRecoveryTest {
    private static final int BATCH = 16;

    @TempDir
    Path tmp;

    @Test
    void killedIndexingProcessLeavesAConsistentCatalogueThatRescanCompletes() throws Exception {
        Path photos = tmp.resolve("photos");
        Path data = tmp.resolve("data");
        List<Path> sources = PhotoFixtures.sources();
        List<Path> files = new ArrayList<>();
        for (int v = 0; v < 6; v++) {
            for (int i = 0; i < sources.size(); i++) {
                Path dst = photos.resolve("set" + v).resolve(String.format("img%02d.jpg", i));
                PhotoFixtures.variant(sources.get(i), dst, 1 + v * 997 + i, "jpg");
                files.add(dst.toAbsolutePath());
            }
        }
        Files.createDirectories(photos.resolve("dups"));
        for (int k = 0; k < 8; k++) {
            Path dst = photos.resolve("dups").resolve("copy" + k + ".jpg");
            Files.copy(files.get(k * 13), dst);
            files.add(dst.toAbsolutePath());
        }
        Set<String> contents = new HashSet<>();
        for (Path f : files) {
            contents.add(FileSha256.hex(f));
        }
        assertEquals(300, contents.size(), "300 distinct contents, 8 of them at two paths");
        Map<String, String> photoFolderBefore = PhotoFixtures.snapshot(photos);

        // 1st process: killed right after a committed batch (it is then decoding the next one)
        runAndKill(data, photos, 3 * BATCH, 0);
        State state = checkConsistent(data, files.size(), false);
        assertTrue(state.rows() >= 3 * BATCH && state.rows() < files.size(), "killed mid-scan: " + state.rows());
        // 2nd process resumes, killed somewhere inside a batch (decoding, encoding or committing)
        runAndKill(data, photos, 2 * BATCH, 170);
        int rowsAfterFirst = state.rows();
        state = checkConsistent(data, files.size(), false);
        assertTrue(state.rows() >= rowsAfterFirst + 2 * BATCH && state.rows() < files.size(),
                "2nd process resumed and was killed mid-scan too: " + state.rows());
        Set<String> encodedBefore = state.encoded();

        // in-process rescan finishes the job, encoding only what was not committed
        PhotoFixtures.CountingEncoder encoder = new PhotoFixtures.CountingEncoder();
        try (Catalogue catalogue = Catalogue.open(data);
             Indexer indexer = new Indexer(catalogue, encoder, Indexer.Options.defaults().batchSize(BATCH))) {
            ScanResult r = indexer.rescan(null).await();
            assertFalse(r.cancelled());
            assertEquals(contents.size() - encodedBefore.size(), encoder.takeImages(),
                    "committed batches are not encoded again");
            assertEquals(0, r.removed());
        }
        checkConsistent(data, files.size(), true);

        // and every code is the right one for its file
        try (Catalogue catalogue = Catalogue.open(data)) {
            assertEquals(files.size(), catalogue.codes(AverageHashEncoder.MODEL_ID).size());
            ImageLoaderDecoder decoder = new ImageLoaderDecoder();
            for (Catalogue.StoredCode c : catalogue.codes(AverageHashEncoder.MODEL_ID)) {
                long expected = AverageHashEncoder.hash(Thumbnails.scaleRgb(decoder.decode(c.path()).image(), 512));
                assertArrayEquals(new long[] {expected}, c.code(), c.path().toString());
            }
            assertTrue(catalogue.folders().get(0).scanComplete());
            Catalogue.Status st = catalogue.status(AverageHashEncoder.MODEL_ID, 64);
            assertEquals(files.size(), st.photos());
            assertEquals(files.size(), st.encoded());
            assertTrue(st.skipped().isEmpty(), st.skipped().toString());
        }
        assertEquals(photoFolderBefore, PhotoFixtures.snapshot(photos), "nothing written into the photo folder");
    }

    /** Starts a child JVM indexing {@code photos}, kills it (-9) once it reports {@code afterDone} committed files
     * plus {@code extraMillis}. */
    private void runAndKill(Path data, Path photos, int afterDone, long extraMillis) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Djava.awt.headless=true",
                "-D" + AverageHashEncoder.SLEEP_PROPERTY + "=250", "-cp", cp, KillRecoveryChild.class.getName(),
                data.toString(), photos.toString(), Integer.toString(BATCH));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                String[] f = line.split(" ");
                if (f.length == 4 && f[0].equals("progress") && f[1].equals("INDEXING")
                        && Integer.parseInt(f[2]) >= afterDone) {
                    if (extraMillis > 0) {
                        Thread.sleep(extraMillis);
                    }
                    p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
                    killed = true;
                    break;
                }
                assertFalse(line.startsWith("finished"), "the child finished before it could be killed: " + lines);
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(killed, "child output: " + lines);
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }

    /** Checks the catalogue as a kill left it (or as the final rescan left it, if {@code complete}); returns the
     * content hashes that have a code. */
    private record State(int rows, Set<String> encoded) {
    }

    private State checkConsistent(Path data, int fileCount, boolean complete) throws IOException {
        try (Catalogue catalogue = Catalogue.open(data)) {
            assertEquals("ok", catalogue.integrityCheck());
            List<Catalogue.Photo> rows = catalogue.photos();
            Set<Path> paths = new HashSet<>();
            Map<Long, Catalogue.Photo> byId = new HashMap<>();
            for (Catalogue.Photo r : rows) {
                assertTrue(paths.add(r.path()), "path catalogued twice: " + r.path());
                byId.put(r.id(), r);
                assertTrue(r.ok(), r.path() + ": " + r.skipReason());
                assertEquals(FileSha256.hex(r.path()), r.sha256(), r.path().toString());
                assertEquals(Files.size(r.path()), r.size());
                Path thumb = catalogue.thumbnailFile(r);
                assertNotNull(thumb);
                assertNotNull(ImageIO.read(thumb.toFile()), "thumbnail readable: " + thumb);
            }
            if (complete) {
                assertEquals(fileCount, rows.size());
            } else {
                assertTrue(rows.size() < fileCount, "scan was interrupted: " + rows.size());
                assertFalse(catalogue.folders().get(0).scanComplete());
            }
            // every committed row has its code: no half-written rows
            List<Catalogue.StoredCode> codes = catalogue.codes(AverageHashEncoder.MODEL_ID);
            assertEquals(rows.size(), codes.size());
            Set<String> encoded = new HashSet<>();
            for (Catalogue.StoredCode c : codes) {
                assertEquals(1, c.code().length);
                encoded.add(byId.get(c.photoId()).sha256());
            }
            if (complete) {
                try (Stream<Path> s = Files.walk(catalogue.thumbnailsDir())) {
                    List<Path> thumbs = s.filter(Files::isRegularFile).toList();
                    assertTrue(thumbs.stream().noneMatch(t -> t.toString().endsWith(".tmp")), "temp files pruned");
                    assertEquals(encoded.size(), thumbs.size(), "one thumbnail per content, none orphaned");
                }
            }
            return new State(rows.size(), encoded);
        }
    }
}
