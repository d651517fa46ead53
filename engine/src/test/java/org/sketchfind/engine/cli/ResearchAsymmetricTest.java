package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.model.HashingModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cross-style --asymmetric --real-valued} and {@code paper-table --asymmetric --real-valued} on src-test-data
 * with the shipped ZSIH default: each adds the asymmetric and the real-valued ranking beside the Hamming one, measured on
 * the same queries and gallery.
 */
class ResearchAsymmetricTest {
    @TempDir
    static Path tmp;

    private static String glove() {
        return TestData.path("glove", "glove.6B.100d.subset.txt").toString();
    }

    @Test
    void crossStyleRanksEachSourceThreeWays() throws Exception {
        CliRun r = CliRun.of("cross-style", "--data", TestData.path("sketchy").toString(), "--drawings",
                TestData.path("quickdraw", "simplified").toString(), "--glove", glove(), "--asymmetric",
                "--real-valued", "--cache", tmp.resolve("cache").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode sources = SearchPipelineTest.json(r.out()).get("sources");
        assertEquals(3, sources.size(), r.out());
        assertFalse(sources.get(0).get("source").asText().contains("asymmetric"));
        assertTrue(sources.get(1).get("source").asText().endsWith("(asymmetric ranking)"));
        assertTrue(sources.get(2).get("source").asText().endsWith("(real-valued ranking)"));
        for (int i = 1; i <= 2; i++) {
            assertEquals(sources.get(0).get("queries").asInt(), sources.get(i).get("queries").asInt());
            assertEquals(sources.get(0).get("gallery").asInt(), sources.get(i).get("gallery").asInt());
        }
        for (JsonNode s : sources) {
            double map = s.get("map_all").asDouble();
            assertTrue(map > 0.2 && map <= 1, "doodles of 4 seen classes against 24 held-out photos: " + s);
        }
    }

    @Test
    void paperTableHasAsymmetricAndRealValuedRows() throws Exception {
        Path md = tmp.resolve("table.md");
        CliRun r = CliRun.of("paper-table", "--data", TestData.path("sketchy").toString(), "--glove", glove(),
                "--model", HashingModels.defaultModelFile().toString(), "--bits", "64", "--asymmetric", "--real-valued",
                "--cache", tmp.resolve("cache").toString(), "--out", md.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(md).stream().filter(l -> l.startsWith("| ZSIH")).toList();
        assertEquals(3, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(1).contains("+ asymmetric ranking |"), rows.get(1));
        assertTrue(rows.get(2).contains("+ real-valued ranking |"), rows.get(2));
        for (int i = 1; i <= 2; i++) {
            assertTrue(rows.get(i).matches(".*\\| 0\\.\\d{4} \\(0\\.\\d{4}\\) \\|.*"), "a 64-bit figure: " + rows.get(i));
        }
        JsonNode models = SearchPipelineTest.json(r.out()).get("models");
        assertTrue(models.get(1).get("model").asText().endsWith("+ asymmetric ranking"));
        assertTrue(models.get(2).get("model").asText().endsWith("+ real-valued ranking"));
        assertEquals(models.get(0).get("queries").asInt(), models.get(2).get("queries").asInt());
    }
}
