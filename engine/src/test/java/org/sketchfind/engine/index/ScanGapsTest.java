package org.sketchfind.engine.index;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two of the gaps found by feeding the indexer bad input and a second process: a link to a device file is reported
 * as skipped with its reason (never opened), and a scan that waits for another process's scan says which process.
 * (The third, a killed {@code index add}, is in the command line's tests: IndexCommandTest.)
 */
class ScanGapsTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkToADeviceFileIsReportedAsSkippedAndNeverRead() throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        PhotoFixtures.copy(photos, 3);
        Path zero = photos.resolve("zero.jpg");
        Path nul = photos.resolve("sub/null.png");
        Files.createDirectories(nul.getParent());
        try {
            Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "skipped: no /dev/zero here");
            Files.createSymbolicLink(zero, Path.of("/dev/zero"));
            Files.createSymbolicLink(nul, Path.of("/dev/null"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("skipped: symbolic links not supported here: " + e);
        }
        try (Catalogue catalogue = Catalogue.open(tmp.resolve("data"));
             Indexer indexer = new Indexer(catalogue, new PhotoFixtures.CountingEncoder())) {
            ScanResult r = indexer.addFolder(photos, null).future().get(60, TimeUnit.SECONDS);
            assertEquals(3, catalogue.photosByPath().size(), "the real photos are catalogued");
            Map<String, String> causes = catalogue.skipped().stream()
                    .collect(Collectors.toMap(Catalogue.Skipped::file, Catalogue.Skipped::cause));
            assertEquals(FolderWalker.NOT_A_FILE, causes.get(zero.toAbsolutePath().toString()), causes.toString());
            assertEquals(FolderWalker.NOT_A_FILE, causes.get(nul.toAbsolutePath().toString()), causes.toString());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(zero.toAbsolutePath().toString())),
                    "the scan's own report names it too: " + r.problems());
            // a rescan reports it again and still never opens it
            indexer.rescan(null).future().get(60, TimeUnit.SECONDS);
            assertEquals(2, catalogue.skipped().size(), catalogue.skipped().toString());
        }
    }

    @Test
    void aScanWaitingForAnotherProcessSaysWhichOne() throws Exception {
        Path photos = tmp.resolve("photos");
        List<Path> sources = PhotoFixtures.sources();
        for (int i = 0; i < 40; i++) { // 40 distinct contents: 10 slow batches of 4
            PhotoFixtures.variant(sources.get(i % sources.size()), photos.resolve(String.format("v%02d.jpg", i)),
                    1 + i, "jpg");
        }
        Path data = tmp.resolve("data");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true",
                "-D" + AverageHashEncoder.SLEEP_PROPERTY + "=400", "-Dsketchfind.process=the test's indexing child",
                "-cp", System.getProperty("java.class.path"), KillRecoveryChild.class.getName(),
                data.toString(), photos.toString(), "4");
        pb.redirectErrorStream(true);
        Process child = pb.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("progress INDEXING")) {
                assertFalse(line.startsWith("finished"), "the child finished too soon");
            }
            assertTrue(line != null, "the child never started indexing");

            List<String> waiting = new CopyOnWriteArrayList<>();
            try (Catalogue catalogue = Catalogue.open(data);
                 Indexer indexer = new Indexer(catalogue, new AverageHashEncoder())) {
                ScanHandle second = indexer.rescan(new ScanListener() {
                    @Override
                    public void onProgress(ScanProgress progress) {
                    }

                    @Override
                    public void onWaiting(String message) {
                        waiting.add(message);
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (waiting.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, waiting.size(), "told once: " + waiting);
                String m = waiting.get(0);
                assertTrue(m.startsWith("waiting for another Sketchfind process (pid " + child.pid()
                        + ": the test's indexing child, scanning since "), m);
                assertFalse(second.isDone(), "it waits while the other process scans");

                child.destroyForcibly(); // the OS releases the lock of a killed holder
                ScanResult r = second.future().get(60, TimeUnit.SECONDS);
                assertEquals(40, r.filesSeen());
                assertEquals(40, catalogue.photosByPath().size(), "the waiting scan finished the killed one's work");
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
