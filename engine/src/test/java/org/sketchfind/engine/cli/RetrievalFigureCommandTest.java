package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code retrieval-figure} (the paper's Fig. 4) on src-test-data's two unseen classes with the shipped default: a PNG
 * with one row per class, ranked as the search ranks (real-valued) or with {@code --hamming}; an unknown or seen class
 * is refused with a message that names it.
 */
class RetrievalFigureCommandTest {
    @TempDir
    static Path tmp;

    @Test
    void drawsOneRowPerUnseenClassWithEitherRanking() throws Exception {
        String data = TestData.path("sketchy").toString();
        String cache = tmp.resolve("cache").toString();
        int[] heights = new int[2];
        for (int i = 0; i < 2; i++) {
            Path png = tmp.resolve("fig" + i + ".png");
            CliRun r = i == 0
                    ? CliRun.of("retrieval-figure", "--data", data, "--cache", cache, "--top", "5", "--out", png.toString(),
                    "--json")
                    : CliRun.of("retrieval-figure", "--data", data, "--cache", cache, "--top", "5", "--out", png.toString(),
                    "--hamming", "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode j = SearchPipelineTest.json(r.out());
            assertEquals("[\"airplane\",\"cup\"]", j.get("classes").toString(), "the split's two unseen classes");
            for (JsonNode n : j.get("correct_in_top")) {
                assertTrue(n.asInt() >= 0 && n.asInt() <= 5, j.toString());
            }
            BufferedImage img = ImageIO.read(png.toFile());
            heights[i] = img.getHeight();
            assertTrue(img.getWidth() > img.getHeight(), "a sketch and 5 photos per row, 2 rows");
        }
        assertEquals(heights[0], heights[1], "the same layout either way");

        CliRun seen = CliRun.of("retrieval-figure", "--data", data, "--cache", cache, "--classes", "cat", "--out",
                tmp.resolve("x.png").toString());
        assertTrue(seen.code() != 0);
        assertTrue(seen.err().contains("'cat' is not an unseen class"), seen.err());
    }
}
