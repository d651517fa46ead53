package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.model.ImagePreprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real-valued and asymmetric ranking of the shipped ZSIH default on src-test-data: the sketch and photo encoders'
 * margins agree with their codes (Eq. 9); {@code search} ranks by real-valued outputs by default ({@code "ranking"}
 * says which; {@code --asymmetric} by asymmetric scores, {@code --hamming} and {@code --expand} by the Hamming
 * distance); {@code evaluate --asymmetric --real-valued} adds a row for each.
 */
class EvaluateAsymmetricTest {
    @TempDir
    static Path tmp;

    @Test
    void theMarginsSignsAreTheCodesBitsForSketchesAndPhotos() throws Exception {
        HashingModel m = HashingModels.load(HashingModels.defaultModelFile());
        assertTrue(m.hasSketchMargins());
        assertTrue(m.hasPhotoMargins());
        checkMargins(m, "sketch", ImagePreprocessor.Mode.SKETCH, m::encodeSketchMaps, m::sketchMarginsFromMaps);
        checkMargins(m, "photo", ImagePreprocessor.Mode.PHOTO, m::encodePhotoMaps, m::photoMarginsFromMaps);
        HashingModel itq = HashingModels.load(TestData.repoRoot().resolve("models/imagenet-itq-64.itq"));
        assertFalse(itq.hasSketchMargins());
        assertFalse(itq.hasPhotoMargins());
    }

    /** The margins of six src-test-data images of {@code kind}: one per bit, in [−0.5, 0.5], signed as the codes. */
    private static void checkMargins(HashingModel m, String kind, ImagePreprocessor.Mode mode,
                                     java.util.function.Function<INDArray, long[][]> codesOf,
                                     java.util.function.Function<INDArray, float[][]> marginsOf) throws Exception {
        List<BufferedImage> images = firstImages(kind);
        INDArray maps = FeatureExtractor.of(m.backbone().name()).featureMaps(images, mode);
        long[][] codes = codesOf.apply(maps);
        float[][] margins = marginsOf.apply(maps);
        assertEquals(images.size(), margins.length);
        int nonZero = 0;
        for (int i = 0; i < codes.length; i++) {
            assertEquals(m.bits(), margins[i].length);
            for (int k = 0; k < m.bits(); k++) {
                assertEquals(margins[i][k] >= 0, Codes.bit(codes[i], k), kind + " " + i + " bit " + k);
                assertTrue(margins[i][k] >= -0.5f && margins[i][k] <= 0.5f, "a sigmoid output minus 0.5");
                nonZero += Math.abs(margins[i][k]) > 1e-3 ? 1 : 0;
            }
        }
        assertTrue(nonZero > codes.length * m.bits() / 2, kind + " margins carry more than the bits: " + nonZero);
    }

    @Test
    void searchRanksByRealValuedOutputsByDefaultAndAsymmetricallyOrByHammingOnRequest() throws Exception {
        Path data = tmp.resolve("catalogue");
        CliRun add = CliRun.of("index", "add", TestData.path("sketchy", "photo").toString(), "--data-dir",
                data.toString(), "--json");
        assertEquals(0, add.code(), add.err());
        String doodle = TestData.path("quickdraw", "simplified", "cat.ndjson").toString();
        CliRun real = CliRun.of("search", "--ndjson", doodle, "--top", "10", "--data-dir", data.toString(), "--json");
        assertEquals(0, real.code(), real.err());
        JsonNode rv = SearchPipelineTest.json(real.out());
        assertEquals("real-valued", rv.get("ranking").asText());
        CliRun asym = CliRun.of("search", "--ndjson", doodle, "--top", "10", "--data-dir", data.toString(),
                "--asymmetric", "--json");
        assertEquals(0, asym.code(), asym.err());
        JsonNode a = SearchPipelineTest.json(asym.out());
        assertEquals("asymmetric", a.get("ranking").asText());
        CliRun ham = CliRun.of("search", "--ndjson", doodle, "--top", "10", "--data-dir", data.toString(), "--hamming",
                "--json");
        assertEquals(0, ham.code(), ham.err());
        JsonNode h = SearchPipelineTest.json(ham.out());
        assertEquals("hamming", h.get("ranking").asText());
        for (JsonNode r : List.of(rv, a, h)) {
            assertEquals(10, r.get("results").size());
            for (int i = 1; i < 10; i++) {
                assertTrue(r.get("results").get(i - 1).get("distance").asInt()
                        <= r.get("results").get(i).get("distance").asInt(), "distances never fall: " + r);
            }
        }
        CliRun both = CliRun.of("search", "--ndjson", doodle, "--data-dir", data.toString(), "--hamming",
                "--asymmetric");
        assertEquals(CliJobs.REFUSED, both.code());
        assertTrue(both.err().contains("give one"), both.err());
        CliRun expanded = CliRun.of("search", "--ndjson", doodle, "--top", "5", "--expand", "5", "--data-dir",
                data.toString(), "--json");
        assertEquals("hamming", SearchPipelineTest.json(expanded.out()).get("ranking").asText(),
                "query expansion ranks by Hamming distance");
    }

    @Test
    void evaluateAddsAsymmetricAndRealValuedRowsForAZsihModel() throws Exception {
        Path sk = TestData.path("sketchy");
        CliRun r = CliRun.of("evaluate", "--model", HashingModels.defaultModelFile().toString(), "--asymmetric",
                "--real-valued",
                "--queries", sk.resolve("sketch").toString(), "--gallery", sk.resolve("photo").toString(),
                "--classes", sk.resolve("classes.tsv").toString(), "--only", "all",
                "--cache", tmp.resolve("cache").toString(), "--out", tmp.resolve("report").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode models = SearchPipelineTest.json(r.out()).get("models");
        assertEquals(3, models.size(), r.out());
        assertFalse(models.get(0).get("model").asText().contains("asymmetric"));
        assertTrue(models.get(1).get("model").asText().endsWith("+ asymmetric ranking"), models.get(1).toString());
        assertTrue(models.get(2).get("model").asText().endsWith("+ real-valued ranking"), models.get(2).toString());
        for (JsonNode m : models) {
            assertEquals(50, m.get("queries").asInt());
            assertEquals(50, m.get("gallery").asInt());
            double map = m.get("map_all").asDouble();
            assertTrue(map > 0.1 && map <= 1, "well above chance (0.1): " + m);
        }
        // asymmetric and real-valued scores are real numbers: no ties, so the tie-aware mAP is the plain one
        for (int i = 1; i <= 2; i++) {
            assertEquals(models.get(i).get("map_all").asDouble(), models.get(i).get("map_all_tie_aware").asDouble(),
                    1e-9);
        }
    }

    /** Two images of each of the first three classes of src-test-data's Sketchy {@code sketch} or {@code photo}. */
    private static List<BufferedImage> firstImages(String kind) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        try (Stream<Path> classes = Files.list(TestData.path("sketchy", kind))) {
            for (Path c : classes.sorted().limit(3).toList()) {
                try (Stream<Path> files = Files.list(c)) {
                    for (Path f : files.sorted().limit(2).toList()) {
                        images.add(ImageIO.read(f.toFile()));
                    }
                }
            }
        }
        return images;
    }
}
