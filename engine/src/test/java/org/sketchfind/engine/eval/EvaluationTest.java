package org.sketchfind.engine.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {
    private static final double EPS = 1e-12;
    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    // Gallery (index: 4-bit code → distance to 0000, class): 0: 0011→2 a, 1: 0001→1 b, 2: 0010→1 a,
    // 3: 0111→3 a, 4: 0101→2 b, 5: 1001→2 c. Plain order 1 2 | 0 4 5 | 3 (classes b a | a b c | a).
    // Query 0 (0000, a): rel N R | R N N | R. plain AP 5/9; tie-aware 319/540 (see RetrievalMetricsTest case B);
    //   P@3 = 2/3, tie-aware 4/9; AP@3 = (1/2 + 2/3)/min(3, 3) = 7/18.
    // Query 1 (0000, b): rel R N | N R N | N, R = 2. plain AP (1/1 + 2/4)/2 = 3/4;
    //   tie-aware: group 1 (n 2, r 1): (1/1 + 1/2)/2 = 3/4; group 2 (b 2, c 1, n 3, r 1): (2/3 + 2/4 + 2/5)/3 = 47/90;
    //   (3/4 + 47/90)/2 = 229/360. P@3 = 1/3, tie-aware (1 + 1·1/3)/3 = 4/9; AP@3 = 1/min(3, 2) = 1/2.
    // Query 2 (0000, d): no gallery item of class d → left out, counted.
    // Means over queries 0, 1: mAP 47/72, tie-aware 1325/2160, P@3 1/2, tie-aware 4/9, mAP@3 4/9.
    static Report hammingCase(Evaluation.Options options) {
        long[][] gallery = {{0b0011}, {0b0001}, {0b0010}, {0b0111}, {0b0101}, {0b1001}};
        int[] galleryLabels = {0, 1, 0, 0, 1, 2};
        long[][] queries = {{0}, {0}, {0}};
        int[] queryLabels = {0, 1, 3};
        return Evaluation.hamming("hash", 4, queries, queryLabels, gallery, galleryLabels, CLASSES, options);
    }

    @Test
    void hammingEvaluationMatchesHandComputation() {
        Report r = hammingCase(new Evaluation.Options(3, 3, 11, "unseen", 0));
        assertEquals(3, r.queries());
        assertEquals(6, r.gallery());
        assertEquals(1, r.queriesWithoutRelevant());
        assertEquals(47.0 / 72, r.mapAll(), EPS);
        assertEquals(1325.0 / 2160, r.mapAllTieAware(), EPS);
        assertEquals(1.0 / 2, r.precisionAtK(), EPS);
        assertEquals(4.0 / 9, r.precisionAtKTieAware(), EPS);
        assertEquals(4.0 / 9, r.mapAtK(), EPS);
        assertEquals(2, r.perClass().size());
        assertEquals("a", r.perClass().get(0).className());
        assertEquals(5.0 / 9, r.perClass().get(0).ap(), EPS);
        assertEquals(319.0 / 540, r.perClass().get(0).apTieAware(), EPS);
        assertEquals("b", r.perClass().get(1).className());
        assertEquals(3.0 / 4, r.perClass().get(1).ap(), EPS);
        // PR at recall 0: query 0 max precision 2/3 (at rank 3), query 1: 1 → mean 5/6.
        // PR at recall 1: query 0: 1/2 (3 of 6), query 1: 1/2 (2 of 4) → 1/2.
        assertEquals(5.0 / 6, r.prPrecision()[0], EPS);
        assertEquals(1.0 / 2, r.prPrecision()[10], EPS);
    }

    @Test
    void hammingMapIsTheReportsPlainMapAloneAndTheTrainersValidationFigure() {
        long[][] gallery = {{0b0011}, {0b0001}, {0b0010}, {0b0111}, {0b0101}, {0b1001}};
        int[] galleryLabels = {0, 1, 0, 0, 1, 2};
        long[][] queries = {{0}, {0}, {0}};
        int[] queryLabels = {0, 1, 3};
        assertEquals(47.0 / 72, Evaluation.hammingMap(queries, queryLabels, gallery, galleryLabels, 4), EPS);
        assertTrue(Double.isNaN(Evaluation.hammingMap(queries, new int[]{3, 3, 3}, gallery, galleryLabels, 4)),
                "no query with a relevant item: undefined");
    }

    @Test
    void msPerQueryIsTheRankingTimeOfOneQuery() {
        int[] galleryLabels = {0, 1, 0};
        int[] queryLabels = {0, 1, 0, 1};
        long t0 = System.nanoTime();
        Report r = Evaluation.run("slow", null, 1, queryLabels, galleryLabels, CLASSES,
                Evaluation.Options.defaults().withPrecisionK(3), q -> {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Ranking.byScore(new double[]{3, 2, 1});
                });
        double wallPerQuery = (System.nanoTime() - t0) / 1e6 / queryLabels.length;
        assertTrue(r.msPerQuery() >= 20, "each ranking slept 20 ms: " + r.msPerQuery());
        assertTrue(r.msPerQuery() <= wallPerQuery, "at most the wall time per query (" + wallPerQuery + " ms), not the"
                + " total: " + r.msPerQuery());
    }

    // Gallery 2-D: g0 (1,0) x, g1 (0,1) y, g2 (1,1) x, g3 (−1,0) y.
    // Query (2, 0.5), class x: cosines .970, .243, .857, −.970 → order g0 g2 g1 g3, rel R R N N → AP 1.
    // Query (0, 1), class y: cosines 0, 1, .707, 0 → order g1 g2 | g0 g3 tied at 0 → rel R N N R, groups end 1, 2, 4.
    //   plain AP (1 + 2/4)/2 = 3/4; tie-aware: 1 + (2/3 + 2/4)/2 = 1 + 7/12 = 19/12, /2 = 19/24.
    // mAP = (1 + 3/4)/2 = 7/8; tie-aware (1 + 19/24)/2 = 43/48.
    @Test
    void cosineEvaluationMatchesHandComputation() {
        float[][] gallery = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}};
        int[] gl = {0, 1, 0, 1};
        float[][] queries = {{2, 0.5f}, {0, 1}};
        int[] ql = {0, 1};
        Report r = Evaluation.cosine("imagenet-cosine", queries, ql, gallery, gl, List.of("x", "y"),
                new Evaluation.Options(2, 4, 11, null, 0));
        assertEquals(7.0 / 8, r.mapAll(), EPS);
        assertEquals(43.0 / 48, r.mapAllTieAware(), EPS);
        assertEquals(null, r.bits());
        assertEquals(2, r.dims());
        // P@2: query x: 2/2, query y: 1/2 → 3/4
        assertEquals(3.0 / 4, r.precisionAtK(), EPS);
    }

    @Test
    void precisionKLargerThanGalleryIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hammingCase(Evaluation.Options.defaults()));
        assertTrue(e.getMessage().contains("Precision@100") && e.getMessage().contains("gallery has 6"),
                e.getMessage());
    }

    @Test
    void badLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.hamming("m", 4, new long[][]{{0}},
                new int[]{9}, new long[][]{{0}}, new int[]{0}, CLASSES, new Evaluation.Options(1, 1, 11, null, 0)));
    }

    @Test
    void jsonHasThePublishedShapeAndNaNBecomesNull() throws Exception {
        Report r = hammingCase(new Evaluation.Options(3, 3, 11, "unseen", 0));
        ObjectMapper m = new ObjectMapper();
        JsonNode n = m.readTree(m.writeValueAsString(r.toJson()));
        Iterator<String> names = n.fieldNames();
        for (String key : List.of("model", "bits", "queries", "gallery", "map_all", "map_all_tie_aware",
                "precision_at_100", "ms_per_query")) {
            assertEquals(key, names.next(), "published keys come first, in order");
        }
        assertEquals("hash", n.get("model").asText());
        assertEquals(4, n.get("bits").asInt());
        assertEquals(47.0 / 72, n.get("map_all").asDouble(), EPS);
        assertTrue(n.get("precision_at_100").isNull(), "P@K was measured at K = 3, not 100");
        assertEquals(0.5, n.get("precision_at_k").asDouble(), EPS);
        assertEquals("unseen", n.get("split").asText());
        assertEquals(2, n.get("per_class").size());

        Report empty = Evaluation.hamming("m", 4, new long[][]{{0}}, new int[]{3}, new long[][]{{0}},
                new int[]{0}, CLASSES, new Evaluation.Options(1, 1, 11, null, 0));
        JsonNode e = m.readTree(m.writeValueAsString(empty.toJson()));
        assertTrue(e.get("map_all").isNull(), "no query with a relevant item: mAP undefined, written as null");
    }

    @Test
    void writerProducesParsableJsonCsvAndNonBlankPngs(@TempDir Path dir) throws Exception {
        Random rnd = new Random(1);
        int bits = 32;
        int classes = 5;
        long[][] gallery = new long[150][];
        int[] gl = new int[gallery.length];
        long[] centers = new long[classes];
        for (int c = 0; c < classes; c++) {
            centers[c] = rnd.nextLong() & 0xFFFFFFFFL;
        }
        for (int i = 0; i < gallery.length; i++) {
            gl[i] = i % classes;
            gallery[i] = new long[]{centers[gl[i]] ^ (rnd.nextLong() & rnd.nextLong() & rnd.nextLong() & 0xFFFFFFFFL)};
        }
        long[][] queries = new long[20][];
        int[] ql = new int[20];
        for (int q = 0; q < 20; q++) {
            ql[q] = q % classes;
            queries[q] = new long[]{centers[ql[q]] ^ (rnd.nextLong() & rnd.nextLong() & 0xFFFFFFFFL)};
        }
        List<String> names = List.of("cup", "airplane, jet", "cat", "dog", "tree");
        Report good = Evaluation.hamming("zsih", bits, queries, ql, gallery, gl, names,
                Evaluation.Options.defaults().withSplit("unseen"));
        long[][] randomQueries = new long[20][];
        for (int q = 0; q < 20; q++) {
            randomQueries[q] = new long[]{rnd.nextLong() & 0xFFFFFFFFL};
        }
        Report chance = Evaluation.hamming("random", bits, randomQueries, ql, gallery, gl, names,
                Evaluation.Options.defaults());
        assertTrue(good.mapAll() > chance.mapAll(), "structured codes beat random ones");

        List<Path> files = ReportWriter.write(dir.resolve("out"), List.of(good, chance));
        assertEquals(6, files.size());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("out").resolve(ReportWriter.JSON).toFile());
        assertEquals(2, root.get("models").size());
        assertEquals("zsih", root.get("models").get(0).get("model").asText());
        assertEquals(good.mapAll(), root.get("models").get(0).get("map_all").asDouble(), 1e-15);
        assertEquals(good.precisionAtK(), root.get("models").get(0).get("precision_at_100").asDouble(), 1e-15);

        List<String> summary = Files.readAllLines(dir.resolve("out").resolve(ReportWriter.SUMMARY_CSV));
        assertEquals(3, summary.size());
        assertTrue(summary.get(1).startsWith("zsih,32,,unseen,20,150,"), summary.get(1));
        List<String> perClass = Files.readAllLines(dir.resolve("out").resolve(ReportWriter.PER_CLASS_CSV));
        assertEquals(1 + 2 * classes, perClass.size());
        assertTrue(perClass.stream().anyMatch(l -> l.startsWith("zsih,\"airplane, jet\",4,")), "quoted class name");
        List<String> pr = Files.readAllLines(dir.resolve("out").resolve(ReportWriter.PR_CSV));
        assertEquals(1 + 2 * 11, pr.size());

        for (String png : List.of(ReportWriter.PR_PNG, ReportWriter.PER_CLASS_PNG)) {
            assertNotBlankPng(dir.resolve("out").resolve(png));
            keepForInspection(dir.resolve("out").resolve(png));
        }
    }

    @Test
    void tablePrintsOneAlignedRowPerModel() {
        Report r = hammingCase(new Evaluation.Options(3, 3, 11, null, 0));
        String table = ReportTable.format(List.of(r, r));
        String[] lines = table.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("model") && lines[0].contains("mAP@all tie-aware") && lines[0].contains("P@3"));
        assertTrue(lines[2].contains("0.6528"), lines[2]); // 47/72
        assertEquals(lines[0].length(), lines[2].length());
    }

    /** Copies a plot to target/test-plots/ so a developer can look at it. */
    static void keepForInspection(Path file) throws java.io.IOException {
        Path keep = Path.of("target", "test-plots");
        Files.createDirectories(keep);
        Files.copy(file, keep.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void assertNotBlankPng(Path png) throws Exception {
        assertTrue(Files.size(png) > 1000, png + " is too small");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode");
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(colours.size() > 8, png + " has only " + colours.size() + " colours");
        assertTrue(nonWhite > 500, png + " is nearly blank");
        assertFalse(img.getWidth() < 100 || img.getHeight() < 100);
    }
}
