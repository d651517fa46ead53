package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.code.Codes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The command-line pipeline end to end on src-test-data with the real SqueezeNet backbone: fit an ITQ model on the
 * seen classes ({@code itq}), catalogue the photos ({@code index add}), search with a sketch image and a Quick, Draw!
 * drawing ({@code search}), print codes ({@code encode}) and evaluate the unseen classes ({@code evaluate}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchPipelineTest {
    @TempDir
    static Path tmp;
    static Path model;
    static Path cache;
    static Path data;

    @BeforeAll
    static void fitModel() throws Exception {
        model = tmp.resolve("itq-16.itq");
        cache = tmp.resolve("cache");
        data = tmp.resolve("catalogue");
        CliRun r = CliRun.of("itq", "--data", TestData.path("sketchy").toString(), "--bits", "16",
                "--cache", cache.toString(), "--out", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals(8, j.get("seen_classes").asInt(), "only the 8 seen classes of src-test-data fit the model");
        assertEquals(40, j.get("photos").asInt());
        assertTrue(Files.size(model) > 0);
    }

    static JsonNode json(String out) {
        try {
            return JsonOutput.mapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("not one JSON object: " + out, e);
        }
    }

    @Test
    @Order(1)
    void searchRanksTheCatalogueByHammingDistanceToTheSketchCode() throws Exception {
        Path photos = TestData.path("sketchy", "photo");
        CliRun add = CliRun.of("index", "add", photos.toString(), "--data-dir", data.toString(),
                "--model", model.toString(), "--json");
        assertEquals(0, add.code(), add.err());
        assertEquals(50, json(add.out()).get("encoded").asInt());

        Path sketch;
        try (Stream<Path> s = Files.list(TestData.path("sketchy", "sketch", "cat"))) {
            sketch = s.sorted().findFirst().orElseThrow();
        }
        CliRun search = CliRun.of("search", "--sketch", sketch.toString(), "--top", "12", "--data-dir",
                data.toString(), "--model", model.toString(), "--json");
        assertEquals(0, search.code(), search.err());
        JsonNode results = json(search.out()).get("results");
        assertEquals(12, results.size());

        CliRun enc = CliRun.of("encode", sketch.toString(), "--as", "sketch", "--model", model.toString(), "--json");
        assertEquals(0, enc.code(), enc.err());
        JsonNode code = json(enc.out());
        assertEquals(16, code.get("bits").asInt());
        long[] query = Codes.fromHex(code.get("code").asText(), 16);

        // brute force over the catalogue's stored codes gives the same distances in the same order
        List<long[]> expected = new ArrayList<>();
        try (Catalogue c = Catalogue.open(data)) {
            String modelId = c.codes(json(add.out()).get("model").asText()).isEmpty() ? null : json(add.out()).get("model").asText();
            assertNotNull(modelId);
            for (Catalogue.StoredCode sc : c.codes(modelId)) {
                expected.add(new long[]{Codes.hamming(query, sc.code()), sc.photoId()});
            }
        }
        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        for (int i = 0; i < 12; i++) {
            assertEquals(expected.get(i)[0], results.get(i).get("distance").asLong(), "distance at rank " + i);
            assertTrue(Path.of(results.get(i).get("path").asText()).startsWith(photos));
        }

        CliRun doodle = CliRun.of("search", "--ndjson", TestData.path("quickdraw", "simplified", "cat.ndjson").toString(),
                "--top", "5", "--data-dir", data.toString(), "--model", model.toString(), "--json");
        assertEquals(0, doodle.code(), doodle.err());
        assertEquals(5, json(doodle.out()).get("results").size());
        assertEquals("hamming", json(doodle.out()).get("ranking").asText(), "an ITQ model has no sketch margins");
    }

    @Test
    @Order(2)
    void badQueriesGetAClearMessage() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.png"), "not a png");
        CliRun r = CliRun.of("search", "--sketch", broken.toString(), "--data-dir", data.toString(),
                "--model", model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.png"), r.err());
        Path badModel = Files.writeString(tmp.resolve("model.itq"), "garbage");
        CliRun m = CliRun.of("encode", TestData.path("quickdraw", "simplified", "cat.ndjson").toString(),
                "--model", badModel.toString());
        assertEquals(1, m.code());
        assertTrue(m.err().contains("model.itq"), m.err());
    }

    @Test
    @Order(3)
    void evaluateReportsModelsAndBaselinesOnTheUnseenClasses() throws Exception {
        Path out = tmp.resolve("report");
        Path sk = TestData.path("sketchy");
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--baseline", "imagenet-cosine",
                "--baseline", "itq", "--bits", "16", "--train", sk.toString(),
                "--glove", TestData.path("glove", "glove.6B.100d.subset.txt").toString(),
                "--queries", sk.resolve("sketch").toString(), "--gallery", sk.resolve("photo").toString(),
                "--classes", sk.resolve("classes.tsv").toString(), "--only", "unseen",
                "--cache", cache.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode models = json(r.out()).get("models");
        assertEquals(3, models.size());
        for (JsonNode m : models) {
            assertEquals(10, m.get("queries").asInt(), "5 sketches of each of the 2 unseen classes");
            assertEquals(10, m.get("gallery").asInt());
            double map = m.get("map_all").asDouble();
            assertTrue(map > 0 && map <= 1, m.toString());
            assertTrue(m.has("map_all_tie_aware") && m.has("precision_at_100") && m.has("ms_per_query"));
        }
        assertTrue(Files.isRegularFile(out.resolve("report.json")));
        assertTrue(Files.isRegularFile(out.resolve("pr_curves.png")));
    }

    @Test
    @Order(4)
    void tsneEmbedsSeenAndUnseenCodesToCsvAndPng() throws Exception {
        Path out = tmp.resolve("tsne");
        CliRun r = CliRun.of("tsne", "--model", model.toString(), "--data", TestData.path("sketchy").toString(),
                "--points", "60", "--cache", cache.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals(60, j.get("points").asInt());
        assertEquals(20, j.get("unseen").asInt(), "all 20 unseen items (2 classes x 5 sketches + 5 photos), up to half");
        List<String> csv = Files.readAllLines(out.resolve("tsne.csv"));
        assertEquals(61, csv.size(), "header + one row per point");
        assertTrue(javax.imageio.ImageIO.read(out.resolve("tsne.png").toFile()).getWidth() > 100);
    }
}
