package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class EmbedCommandTest {
    @Test
    void printsOneJsonObjectWithTheFeature() throws Exception {
        Path photo = TestData.path("sketchy", "photo", "guitar").resolve(
                Files.list(TestData.path("sketchy", "photo", "guitar")).sorted().findFirst().orElseThrow().getFileName());
        // SqueezeNet 1.1 named: it has the ImageNet classifier behind top5 (the default backbone may not)
        CliRun r = CliRun.of("embed", photo.toString(), "--backbone", "squeezenet1.1", "--json");
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
        CliRun s = CliRun.of("embed", sketch.toString(), "--sketch", "--backbone", "squeezenet1.1");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().startsWith("dims 512\nfeature "), s.out());
    }

    @Test
    void badInputGivesAClearMessageAndNonZeroExit(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("embed", dir.resolve("nope.jpg").toString());
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("nope.jpg") && missing.err().contains("no such file"), missing.err());
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        CliRun junk = CliRun.of("embed", text.toString(), "--json");
        assertNotEquals(0, junk.code());
        assertTrue(CliContractTest.oneObject(junk).get("error").asText().contains("unsupported image format"),
                "--json: the error as one object on stdout: " + junk.out());
        assertTrue(junk.err().contains("notes.jpg") && junk.err().contains("unsupported image format"), junk.err());
    }
}
