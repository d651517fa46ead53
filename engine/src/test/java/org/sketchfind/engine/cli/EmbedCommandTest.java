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

import static org.junit.jupiter.api.Assertions.*;

class EmbedCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsOneJsonObjectWithTheFeature() throws Exception {
        Path photo = TestData.path("sketchy", "photo", "guitar").resolve(
                Files.list(TestData.path("sketchy", "photo", "guitar")).sorted().findFirst().orElseThrow().getFileName());
        Run r = run("embed", photo.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, "exactly one line (one JSON object) on stdout");
        JsonNode j = JsonOutput.mapper().readTree(lines[0]);
        assertEquals(512, j.get("dims").asInt());
        assertEquals(512, j.get("feature").size());
        assertEquals(5, j.get("top5").size());
        double prev = Double.POSITIVE_INFINITY;
        for (JsonNode t : j.get("top5")) {
            assertTrue(t.get("logit").asDouble() <= prev);
            prev = t.get("logit").asDouble();
            assertTrue(t.get("class_index").asInt() >= 0 && t.get("class_index").asInt() < 1000);
        }
        double min = Double.MAX_VALUE;
        for (JsonNode f : j.get("feature")) {
            min = Math.min(min, f.asDouble());
        }
        assertTrue(min >= 0, "pooled ReLU features are non-negative");
        assertTrue(r.err().contains("forward"), "timing on stderr: " + r.err());

        Path sketch = Files.list(TestData.path("sketchy", "sketch", "cat")).sorted().findFirst().orElseThrow();
        Run s = run("embed", sketch.toString(), "--sketch");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().startsWith("dims 512\nfeature "), s.out());
    }

    @Test
    void badInputGivesAClearMessageAndNonZeroExit(@TempDir Path dir) throws Exception {
        Run missing = run("embed", dir.resolve("nope.jpg").toString());
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("nope.jpg") && missing.err().contains("no such file"), missing.err());
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        Run junk = run("embed", text.toString(), "--json");
        assertNotEquals(0, junk.code());
        assertEquals("", junk.out());
        assertTrue(junk.err().contains("notes.jpg") && junk.err().contains("unsupported image format"), junk.err());
    }
}
