package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CommandLine(new DatasetsCommand(o, e)).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasExactlyTheContractKeys() throws IOException {
        Run r = run(TestData.path("sketchy").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line");
        JsonNode j = JsonOutput.mapper().readTree(r.out());
        for (String key : List.of("classes", "photos", "sketches", "drawings", "seen", "unseen", "problems")) {
            assertTrue(j.has(key), key);
        }
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("classes", "photos", "sketches", "drawings", "seen", "unseen", "problems"),
                keys.subList(0, 7));
        assertEquals(10, j.get("classes").asInt());
        assertEquals(j.get("classes").asInt(), j.get("seen").asInt() + j.get("unseen").asInt());
        assertEquals("sketchy", j.get("layout").asText());
        assertTrue(j.get("problems").isArray() && j.get("problems").isEmpty());
    }

    @Test
    void problemsInJsonNameFileLineAndCause() throws IOException {
        Path f = Files.writeString(tmp.resolve("cat.ndjson"),
                "{\"word\":\"cat\",\"drawing\":[[[1,2],[3,4]]]}\nnot json\n");
        Run r = run(tmp.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(r.out());
        assertEquals(1, j.get("drawings").asInt());
        assertTrue(j.get("seen").isNull(), "no class table → no split");
        JsonNode p = j.get("problems").get(0);
        assertEquals(f.toString(), p.get("file").asText());
        assertEquals(2, p.get("line").asInt());
        assertTrue(p.get("cause").asText().startsWith("bad JSON"), p.toString());
    }

    @Test
    void textTable() {
        Run r = run(TestData.path("tu-berlin").toString(), "--per-class");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Sketches"), r.out());
        assertTrue(r.out().contains("cat"), r.out());
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        Run missing = run(tmp.resolve("absent").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("absent"), missing.err());
        assertTrue(missing.out().isEmpty());
        Run badSplit = run(TestData.path("sketchy").toString(), "--split", "split_nope", "--json");
        assertEquals(2, badSplit.code());
        assertTrue(badSplit.err().contains("split_nope"), badSplit.err());
        assertTrue(badSplit.out().isEmpty());
        Run badCheck = run(TestData.path("sketchy").toString(), "--check", "thorough");
        assertEquals(2, badCheck.code());
        assertEquals(1, badCheck.err().strip().lines().count(), badCheck.err());
        Run forced = run(TestData.path("sketchy", "photo").toString(), "--layout", "sketch_folders", "--check", "decode",
                "--json");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("\"layout\":\"sketch_folders\""), forced.out());
        Run noTable = run(TestData.path("tu-berlin").toString(), "--split", "split_x");
        assertEquals(2, noTable.code());
        assertTrue(noTable.err().contains("--classes"), noTable.err());
    }
}
