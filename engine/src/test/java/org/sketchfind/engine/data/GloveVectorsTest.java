package org.sketchfind.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GloveVectorsTest {
    @TempDir
    Path tmp;

    /** Parses a class-vector TSV ({@code name\tv1 v2 …}) written independently of this code. */
    static Map<String, float[]> referenceVectors(Path tsv) throws IOException {
        Map<String, float[]> m = new HashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] kv = line.split("\t");
            String[] vs = kv[1].trim().split("\\s+");
            float[] v = new float[vs.length];
            for (int i = 0; i < vs.length; i++) {
                v[i] = Float.parseFloat(vs[i]);
            }
            m.put(kv[0], v);
        }
        return m;
    }

    @Test
    void classVectorsMatchTheShippedReference() throws IOException {
        GloveVectors g = GloveVectors.load(TestData.path("glove", "glove.6B.100d.subset.txt"));
        assertEquals(100, g.dimension());
        assertEquals(Files.readAllLines(TestData.path("glove", "glove.6B.100d.subset.txt")).size(), g.size());
        assertTrue(g.problems().isEmpty());
        ClassTable t = ClassTable.read(TestData.path("sketchy", "classes.tsv"));
        Map<String, float[]> ref = referenceVectors(TestData.path("sketchy", "class_vectors_glove6B100d.tsv"));
        Map<String, float[]> ours = g.classVectors(t.entries());
        assertEquals(t.size(), ours.size());
        for (Map.Entry<String, float[]> e : ours.entrySet()) {
            assertArrayEquals(ref.get(e.getKey()), GloveVectors.l2Normalised(e.getValue()), 2e-5f, e.getKey());
        }
    }

    @Test
    void multiWordNameIsTheMeanOfItsWords() throws IOException {
        GloveVectors g = GloveVectors.load(TestData.path("glove", "glove.6B.100d.subset.txt"));
        float[] a = g.vector("guitar").orElseThrow();
        float[] b = g.vector("player").isPresent() ? g.vector("player").orElseThrow() : g.vector("apple").orElseThrow();
        String second = g.contains("player") ? "player" : "apple";
        float[] mean = g.classVector("Guitar_" + second);
        for (int i = 0; i < 100; i++) {
            assertEquals((a[i] + b[i]) / 2, mean[i], 1e-6);
        }
    }

    @Test
    void unknownWordsAreListedTogether() throws IOException {
        GloveVectors g = GloveVectors.load(TestData.path("glove", "glove.6B.100d.subset.txt"));
        UnknownWordsException e = assertThrows(UnknownWordsException.class,
                () -> g.classVectorsByName(List.of("cat", "flibber_cat", "zorblax", "dog")));
        assertEquals(2, e.names().size());
        assertTrue(e.getMessage().contains("flibber_cat (missing: flibber)"), e.getMessage());
        assertTrue(e.getMessage().contains("zorblax (missing: zorblax)"), e.getMessage());
        assertTrue(e.getMessage().contains("glove.6B.100d.subset.txt"), e.getMessage());
    }

    @Test
    void numberParserAgreesWithJava() {
        Random r = new Random(7);
        List<String> samples = new java.util.ArrayList<>(List.of("0", "-0.5", "+2.5E3", "1e-05", "-3.0677e-05",
                "0.000001", "123456789.123456789", "7.", "-0.03819", "1E+2"));
        for (int i = 0; i < 2000; i++) {
            samples.add(String.format(java.util.Locale.ROOT, "%.6f", r.nextGaussian()));
            samples.add(Float.toString((float) (r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6))));
        }
        for (String s : samples) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            float ours = (float) GloveVectors.parseNumber(b, 0, b.length);
            float java = Float.parseFloat(s);
            assertEquals(java, ours, Math.ulp(java), s);
        }
        for (String bad : List.of("", "-", "1.2.3", "abc", "1e", "--1", "0x10")) {
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertTrue(Double.isNaN(GloveVectors.parseNumber(b, 0, b.length)), bad);
        }
    }

    @Test
    void malformedLinesAreProblemsWithLineNumbers() throws IOException {
        Path f = tmp.resolve("tiny.txt");
        Files.writeString(f, "cat 1 2 3\ndog 4 5\nbird 1 x 3\n 1 2 3\r\nfish 0.5 -1e-2 3\n");
        GloveVectors g = GloveVectors.load(f);
        assertEquals(3, g.dimension());
        assertEquals(2, g.size());
        assertArrayEquals(new float[]{0.5f, -0.01f, 3f}, g.vector("fish").orElseThrow(), 1e-7f);
        assertEquals(List.of(2, 3, 4), g.problems().stream().map(Problem::line).toList());
        IOException e = assertThrows(IOException.class, () -> GloveVectors.load(Files.writeString(tmp.resolve("e.txt"), "\n\n")));
        assertTrue(e.getMessage().contains("e.txt"));
    }

    /** Opt-in: the full 40k-word file; every Sketchy class has a vector equal to the shipped one. */
    @Test
    void sharedGloveCoversEverySketchyClass() throws IOException {
        Path shared = TestData.sharedOrSkip();
        long t0 = System.nanoTime();
        GloveVectors g = GloveVectors.load(shared.resolve("glove").resolve("glove.6B.100d.top40k.txt"));
        System.out.printf("loaded %d words x %d in %.0f ms%n", g.size(), g.dimension(), (System.nanoTime() - t0) / 1e6);
        assertTrue(g.size() >= 40_000);
        assertTrue(g.problems().isEmpty(), g.problems().toString());
        ClassTable t = ClassTable.read(shared.resolve("sketchy").resolve("classes.tsv"));
        Map<String, float[]> ours = g.classVectors(t.entries());
        Map<String, float[]> ref = referenceVectors(shared.resolve("sketchy").resolve("class_vectors_glove6B100d.tsv"));
        assertEquals(125, ours.size());
        for (Map.Entry<String, float[]> e : ours.entrySet()) {
            assertArrayEquals(ref.get(e.getKey()), GloveVectors.l2Normalised(e.getValue()), 2e-5f, e.getKey());
        }
    }
}
