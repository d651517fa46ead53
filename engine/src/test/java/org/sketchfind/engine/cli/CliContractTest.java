package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.CollectionListener;
import org.sketchfind.engine.ScanProgress;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TestData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a contract: with {@code --json} every outcome, errors included, is exactly one JSON object on
 * stdout; {@code index status} always has its documented keys; read-only commands never create a catalogue;
 * progress is redrawn only on a terminal; one version.
 */
class CliContractTest {
    @TempDir
    Path tmp;

    /** Parses stdout as exactly one JSON object (nothing before or after it). */
    static JsonNode oneObject(CliRun run) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JsonOutput.mapper().readerFor(JsonNode.class).readValues(run.out())) {
            while (it.hasNext()) {
                all.add(it.next());
            }
        }
        assertEquals(1, all.size(), "exactly one JSON value on stdout, got: " + run.out() + "\nstderr: " + run.err());
        assertTrue(all.get(0).isObject(), run.out());
        assertEquals(1, run.out().strip().lines().count(), "one line: " + run.out());
        return all.get(0);
    }

    /** An error: one object {"error", "exit"} whose exit equals the process's, and the message on stderr too. */
    static JsonNode error(CliRun run, int exit, String messagePart) throws IOException {
        JsonNode o = oneObject(run);
        assertEquals(exit, run.code(), run.err());
        assertEquals(exit, o.get("exit").asInt(), run.out());
        String error = o.get("error").asText();
        assertTrue(error.contains(messagePart), "error '" + error + "' should say '" + messagePart + "'");
        assertFalse(run.err().isBlank(), "the human message goes to stderr");
        return o;
    }

    @Test
    void everyErrorIsOneJsonObject() throws IOException {
        Path missing = tmp.resolve("no-such-catalogue");
        String sketch = TestData.path("sketchy", "sketch", "cat", "n02121620_1039-1.png").toString();

        error(CliRun.of("index", "status", "--json", "--data-dir", missing.toString()), 2, "does not exist");
        error(CliRun.of("index", "rescan", "--json", "--data-dir", missing.toString()), 2, "no Sketchfind catalogue");
        error(CliRun.of("index", "remove", tmp.toString(), "--json", "--data-dir", missing.toString()), 2,
                "no Sketchfind catalogue");
        error(CliRun.of("search", "--sketch", sketch, "--json", "--data-dir", missing.toString()), 2,
                "does not exist");
        error(CliRun.of("search", "--sketch", tmp.resolve("none.png").toString(), "--json"), 2, "none.png");
        error(CliRun.of("search", "--json"), 2, "--sketch");
        error(CliRun.of("search", "--sketch", sketch, "--top", "0", "--json"), 2, "--top");
        error(CliRun.of("index", "add", tmp.resolve("nope").toString(), "--json", "--data-dir", missing.toString()),
                2, "not a folder");
        error(CliRun.of("--json", "--no-such-option"), 2, "--no-such-option");
        error(CliRun.of("index", "status", "--json", "--bogus"), 2, "--bogus");
        error(CliRun.of("datasets", tmp.resolve("nothing").toString(), "--json"), 2, "nothing");
        error(CliRun.of("encode", tmp.resolve("nothing.png").toString(), "--json"), 2, "nothing.png");
        error(CliRun.of("train", "--json"), 2, "--data");
        assertFalse(Files.exists(missing), "read-only commands created " + missing);
    }

    @Test
    void aFolderWithoutACatalogueIsNotTurnedIntoOne() throws IOException {
        Path photos = Files.createDirectories(tmp.resolve("Pictures"));
        CliRun human = CliRun.of("index", "status", "--data-dir", photos.toString());
        assertEquals(2, human.code());
        assertTrue(human.err().contains("no Sketchfind catalogue in " + photos.toAbsolutePath())
                && human.err().contains("the folder has none"), human.err());
        assertEquals("", human.out());
        error(CliRun.of("index", "status", "--json", "--data-dir", photos.toString()), 2, "the folder has none");
        try (var files = Files.list(photos)) {
            assertEquals(0, files.count(), "nothing written into a folder that holds no catalogue");
        }
    }

    @Test
    void statusAlwaysHasItsDocumentedKeys() throws IOException {
        Path data = tmp.resolve("data");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        JsonNode added = oneObject(CliRun.of("index", "add", empty.toString(), "--json", "--data-dir",
                data.toString()));
        JsonNode status = oneObject(CliRun.of("index", "status", "--json", "--data-dir", data.toString()));
        for (String key : List.of("photos", "encoded", "skipped", "model", "bits", "folders", "data_dir", "scan")) {
            assertTrue(status.has(key), "status lacks " + key + ": " + status);
            assertTrue(added.has(key), "add lacks " + key + ": " + added);
        }
        assertTrue(status.get("scan").isNull(), "no scan ran in a status command");
        assertTrue(added.get("scan").isObject());
        assertEquals(added.get("model"), status.get("model"), "the same model id without loading the model");
    }

    @Test
    void versionAndHelp() throws IOException {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code());
        assertEquals("Sketchfind " + Sketchfind.version(), v.out().strip());
        JsonNode vj = oneObject(CliRun.of("--version", "--json"));
        assertEquals(Sketchfind.version(), vj.get("version").asText());

        CliRun help = CliRun.of("--help", "--json");
        assertEquals(0, help.code());
        assertTrue(oneObject(help).get("usage").asText().contains("index"), help.out());
        assertTrue(help.err().contains("Usage: sketchfind"), "the usage text is on stderr too");
        JsonNode sub = oneObject(CliRun.of("index", "status", "--help", "--json"));
        assertTrue(sub.get("usage").asText().contains("--data-dir"), sub.toString());
    }

    @Test
    void progressIsRedrawnOnlyOnATerminal() {
        ScanProgress walking = new ScanProgress(ScanProgress.Phase.WALKING, 0, 0, 0, 0, 0, 0, -1, false);
        ScanProgress indexing = new ScanProgress(ScanProgress.Phase.INDEXING, 10, 10, 3, 3, 0, 5, 1.4, false);
        ScanProgress done = new ScanProgress(ScanProgress.Phase.DONE, 10, 10, 10, 10, 0, 5, 0, false);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        CollectionListener plain = IndexCommand.progressLine(new PrintStream(file, true, StandardCharsets.UTF_8),
                false);
        plain.onProgress(walking);
        plain.onProgress(indexing);
        plain.onLog("waiting for another Sketchfind process");
        plain.onProgress(done);
        String log = file.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("listing folders...", "indexing 3/10 (30%) 5.0 photos/s ETA 1s, 0 skipped",
                "waiting for another Sketchfind process"), log.lines().toList());
        assertFalse(log.contains("\r") || log.contains("\033"), "no terminal codes in a file: " + log);

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        CollectionListener bar = IndexCommand.progressLine(new PrintStream(tty, true, StandardCharsets.UTF_8), true);
        bar.onProgress(walking);
        bar.onProgress(indexing);
        bar.onProgress(done);
        assertTrue(tty.toString(StandardCharsets.UTF_8).contains("\r"), "a terminal gets a redrawn line");
    }

    @Test
    void aScanWithProgressOnAFileHasNoTerminalCodes() throws IOException {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        Files.copy(TestData.path("sketchy", "photo", "cat").resolve(firstFile(TestData.path("sketchy", "photo",
                "cat"))), photos.resolve("cat.jpg"));
        CliRun add = CliRun.of("index", "add", photos.toString(), "--data-dir", tmp.resolve("d").toString());
        assertEquals(0, add.code(), add.err());
        assertTrue(add.err().contains("indexing"), add.err());
        assertFalse(add.err().contains("\r") || add.err().contains("\033"), add.err());
    }

    private static String firstFile(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }
}
