package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.model.HashingModels;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexCommandTest {
    @TempDir
    Path tmp;

    @Test
    void addStatusRescanWithJson() throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        try (Stream<Path> s = Files.list(TestData.path("sketchy", "photo", "cat"))) {
            for (Path p : s.toList()) {
                Files.copy(p, photos.resolve(p.getFileName()));
            }
        }
        Files.write(photos.resolve("broken.jpg"), new byte[0]);
        String data = tmp.resolve("data").toString();

        CliRun add = CliRun.of("index", "add", photos.toString(), "--data-dir", data, "--json");
        assertEquals(0, add.code(), add.err());
        assertEquals(1, add.out().strip().lines().count(), "exactly one JSON object on stdout: " + add.out());
        JsonNode a = JsonOutput.mapper().readTree(add.out());
        assertEquals(5, a.get("photos").asInt());
        assertEquals(5, a.get("encoded").asInt());
        assertTrue(add.err().contains("indexing"), "progress line on stderr");

        CliRun status = CliRun.of("index", "status", "--json", "--data-dir", data);
        assertEquals(0, status.code(), status.err());
        JsonNode st = JsonOutput.mapper().readTree(status.out());
        assertEquals(5, st.get("photos").asInt());
        assertEquals(5, st.get("encoded").asInt());
        assertEquals(1, st.get("skipped").size());
        assertEquals(photos.resolve("broken.jpg").toAbsolutePath().toString(), st.get("skipped").get(0).get("file").asText());
        assertTrue(st.get("skipped").get(0).get("cause").asText().contains("empty"));

        Files.delete(photos.resolve("broken.jpg"));
        CliRun rescan = CliRun.of("index", "rescan", "--data-dir", data, "--json");
        assertEquals(0, rescan.code(), rescan.err());
        JsonNode r = JsonOutput.mapper().readTree(rescan.out());
        assertEquals(0, r.get("skipped").size());
        assertEquals(1, r.get("scan").get("removed").asInt());
        assertEquals(0, r.get("scan").get("encoded").asInt());

        CliRun human = CliRun.of("index", "status", "--data-dir", data);
        assertEquals(0, human.code());
        assertTrue(human.out().contains("photos:    5 (5 encoded)"), human.out());

        CliRun remove = CliRun.of("index", "remove", photos.toString(), "--data-dir", data, "--json");
        assertEquals(0, remove.code(), remove.err());
        JsonNode rm = JsonOutput.mapper().readTree(remove.out());
        assertEquals(0, rm.get("photos").asInt());
        assertEquals(0, rm.get("folders").size());
        try (Stream<Path> s = Files.walk(Path.of(data, "thumbnails"))) {
            assertEquals(0, s.filter(Files::isRegularFile).count(), "thumbnails of forgotten photos pruned");
        }
        assertEquals(5, Files.list(photos).count(), "the photos themselves are untouched");
        assertEquals(2, CliRun.of("index", "remove", photos.toString(), "--data-dir", data).code());
    }

    @Test
    void badInputGivesANonZeroExitAndOneLine() {
        CliRun add = CliRun.of("index", "add", tmp.resolve("nope").toString(), "--data-dir", tmp.resolve("d").toString());
        assertEquals(2, add.code());
        assertTrue(add.err().contains("not a folder"), add.err());
        CliRun rescan = CliRun.of("index", "rescan", "--data-dir", tmp.resolve("d").toString());
        assertEquals(2, rescan.code());
        assertTrue(rescan.err().contains("no Sketchfind catalogue"), rescan.err());
        assertTrue(Files.notExists(tmp.resolve("d")), "a read-only command creates no catalogue");
    }

    @Test
    void aCatalogueLeftWithoutFoldersByAKilledAddIsAcceptedByRescan() throws Exception {
        Path data = tmp.resolve("data");
        Catalogue.open(data).close(); // what an index add killed before it registered its folder leaves
        CliRun rescan = CliRun.of("index", "rescan", "--json", "--data-dir", data.toString());
        assertEquals(0, rescan.code(), rescan.err());
        JsonNode r = JsonOutput.mapper().readTree(rescan.out());
        assertEquals(0, r.get("photos").asInt());
        assertEquals(0, r.get("scan").get("files").asInt());
        assertTrue(rescan.err().contains("no folders are registered"), rescan.err());
    }

    @Test
    void anAddKilledAfterRegisteringItsFolderIsFinishedByRescan() throws Exception {
        Path photos = catPhotos();
        Path data = tmp.resolve("data");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Djava.awt.headless=true",
                "-Dsketchfind.root=" + TestData.repoRoot(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "index", "add", photos.toString(), "--data-dir", data.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("child.log").toFile());
        Process child = pb.start();
        boolean registered = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!registered && child.isAlive() && System.nanoTime() < deadline) {
                if (Files.exists(data.resolve(Catalogue.DB_FILE))) {
                    try (Catalogue c = Catalogue.open(data)) {
                        registered = !c.folders().isEmpty();
                    }
                }
                if (!registered) {
                    Thread.sleep(10);
                }
            }
            child.destroyForcibly(); // kill -9 as soon as the folder is registered: the model is still loading
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(registered, "the folder was registered: " + Files.readString(tmp.resolve("child.log")));
        assertEquals(137, child.exitValue(), "killed before it finished: " + Files.readString(tmp.resolve("child.log")));

        CliRun rescan = CliRun.of("index", "rescan", "--json", "--data-dir", data.toString());
        assertEquals(0, rescan.code(), rescan.err());
        JsonNode r = JsonOutput.mapper().readTree(rescan.out());
        assertEquals(5, r.get("photos").asInt(), "the next rescan finished the killed add");
        assertEquals(5, r.get("encoded").asInt());
        assertEquals("complete", r.get("folders").get(0).get("scan_state").asText());
    }

    @Test
    void anAddWhoseModelFailsToLoadLeavesItsFolderForRescan() throws Exception {
        Path photos = catPhotos();
        String data = tmp.resolve("data").toString();
        Path broken = brokenWeights(HashingModels.defaultModelFile(), tmp.resolve("broken.zip"));
        CliRun add = CliRun.of("index", "add", photos.toString(), "--model", broken.toString(), "--json",
                "--data-dir", data);
        assertEquals(1, add.code(), add.err());
        assertTrue(JsonOutput.mapper().readTree(add.out()).get("error").asText().contains("checksum mismatch"),
                add.out());
        // status reads the model's id from its manifest: it works without loading the broken weights
        JsonNode st = JsonOutput.mapper().readTree(CliRun.of("index", "status", "--json", "--model",
                broken.toString(), "--data-dir", data).out());
        assertEquals(photos.toAbsolutePath().toString(), st.get("folders").get(0).get("path").asText());
        assertEquals(0, st.get("encoded").asInt());

        CliRun rescan = CliRun.of("index", "rescan", "--json", "--data-dir", data);
        assertEquals(0, rescan.code(), rescan.err());
        assertEquals(5, JsonOutput.mapper().readTree(rescan.out()).get("encoded").asInt());
    }

    private Path catPhotos() throws IOException {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        try (Stream<Path> s = Files.list(TestData.path("sketchy", "photo", "cat"))) {
            for (Path p : s.toList()) {
                Files.copy(p, photos.resolve(p.getFileName()));
            }
        }
        return photos;
    }

    /** A copy of a model file whose manifest is intact and whose first weights entry has one byte changed. */
    private static Path brokenWeights(Path model, Path out) throws IOException {
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(model));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] b = in.readAllBytes();
                if (!changed && e.getName().startsWith("weights/")) {
                    b[0] ^= 1;
                    changed = true;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(b);
                zip.closeEntry();
            }
        }
        assertTrue(changed);
        return out;
    }
}
