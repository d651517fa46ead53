package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
}
