package org.sketchfind.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    @TempDir
    Path tmp;

    static long countFiles(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(ext)).count();
        }
    }

    static long countDirs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).count();
        }
    }

    /** Number of table rows whose split column holds {@code role}, read straight from the file. */
    static long countRole(Path tsv, String role) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        int col = Arrays.asList(lines.get(0).split("\t")).indexOf(ClassTable.DEFAULT_SPLIT);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).filter(l -> l.split("\t")[col].equals(role)).count();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    @Test
    void sketchyTestData() throws IOException {
        Path root = TestData.path("sketchy");
        DatasetReport r = Dataset.scan(root).report(ClassTable.DEFAULT_SPLIT);
        assertEquals(Layout.SKETCHY, r.layout());
        assertEquals(countDirs(root.resolve("photo")), r.classes());
        assertEquals(countFiles(root.resolve("photo"), ".jpg"), r.photos());
        assertEquals(countFiles(root.resolve("sketch"), ".png"), r.sketches());
        assertEquals(0, r.drawings());
        assertEquals(countRole(root.resolve("classes.tsv"), "seen"), (long) r.seen());
        assertEquals(countRole(root.resolve("classes.tsv"), "unseen"), (long) r.unseen());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        // every Sketchy sketch NAME-K.png has its photo NAME.jpg in the same class
        Dataset d = Dataset.scan(root);
        java.util.Set<String> photoKeys = new java.util.HashSet<>();
        d.photos().forEach(p -> photoKeys.add(p.className() + "/" + p.instanceKey()));
        for (LabeledImage s : d.sketches()) {
            assertTrue(photoKeys.contains(s.className() + "/" + s.instanceKey()), s.toString());
        }
    }

    @Test
    void quickDrawTestData() throws IOException {
        for (String form : List.of("simplified", "raw")) {
            Path dir = TestData.path("quickdraw", form);
            DatasetReport r = Dataset.scan(dir).report(ClassTable.DEFAULT_SPLIT);
            assertEquals(Layout.QUICKDRAW, r.layout());
            long lines = 0;
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.toList()) {
                    lines += QuickDrawReaderTest.nonBlankLines(f);
                }
            }
            assertEquals(lines, r.drawings());
            assertEquals(countFiles(dir, ".ndjson"), r.classes());
            assertNull(r.seen(), "no class table, no split");
            assertTrue(r.problems().isEmpty(), r.problems().toString());
        }
        // one file works too
        assertEquals(Layout.QUICKDRAW, Dataset.scan(TestData.path("quickdraw", "raw", "cat.ndjson")).layout());
    }

    @Test
    void tuBerlinAndPhotoFolders() throws IOException {
        Path tu = TestData.path("tu-berlin");
        DatasetReport r = Dataset.scan(tu).report(ClassTable.DEFAULT_SPLIT);
        assertEquals(Layout.SKETCH_FOLDERS, r.layout());
        assertEquals(countDirs(tu), r.classes());
        assertEquals(countFiles(tu, ".png"), r.sketches());
        assertEquals(0, r.photos());
        assertTrue(r.problems().isEmpty());
        Path photos = TestData.path("sketchy", "photo");
        DatasetReport p = Dataset.scan(photos).report(ClassTable.DEFAULT_SPLIT);
        assertEquals(Layout.PHOTO_FOLDERS, p.layout());
        assertEquals(countFiles(photos, ".jpg"), p.photos());
        // with the Sketchy table: TU-Berlin classes matched, split counted
        DatasetReport withTable = Dataset.scan(tu, new Dataset.Options(TestData.path("sketchy", "classes.tsv"), null,
                ImageCheck.HEADER)).report(ClassTable.DEFAULT_SPLIT);
        assertEquals(r.classes(), withTable.seen() + withTable.unseen());
        assertTrue(withTable.problems().isEmpty(), withTable.problems().toString());
    }

    @Test
    void plantedCorruptFilesAreEachNamed() throws IOException {
        Path root = tmp.resolve("sketchy");
        copyTree(TestData.path("sketchy"), root);
        long photos = countFiles(root.resolve("photo"), ".jpg");
        long sketches = countFiles(root.resolve("sketch"), ".png");
        // truncated PNG
        Path sketch;
        try (Stream<Path> s = Files.list(root.resolve("sketch").resolve("cat"))) {
            sketch = s.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(sketch);
        Files.write(sketch, Arrays.copyOf(bytes, bytes.length / 2));
        // zero-byte JPG
        Path empty = Files.createFile(root.resolve("photo").resolve("dog").resolve("empty.jpg"));
        // a text file posing as a JPEG
        Path fake = Files.writeString(root.resolve("photo").resolve("dog").resolve("fake.jpg"), "not an image");
        // a decompression bomb
        Path bomb = Files.write(root.resolve("photo").resolve("cat").resolve("bomb.png"),
                TestImages.pngHeaderOnly(100_000, 100_000));
        // an unknown class with a valid photo
        Path unicorn = Files.createDirectories(root.resolve("photo").resolve("unicorn"));
        try (Stream<Path> s = Files.list(root.resolve("photo").resolve("ant"))) {
            Files.copy(s.findFirst().orElseThrow(), unicorn.resolve("u.jpg"));
        }
        Dataset d = Dataset.scan(root);
        DatasetReport r = d.report(ClassTable.DEFAULT_SPLIT);
        List<String> files = r.problems().stream().map(Problem::file).toList();
        assertTrue(files.contains(sketch.toString()), r.problems().toString());
        assertTrue(files.contains(empty.toString()), r.problems().toString());
        assertTrue(files.contains(fake.toString()), r.problems().toString());
        assertTrue(files.contains(bomb.toString()), r.problems().toString());
        assertTrue(files.contains(unicorn.toString()), r.problems().toString());
        assertEquals(5, r.problems().size(), r.problems().toString());
        assertTrue(cause(r, sketch).contains("truncated"), cause(r, sketch));
        assertTrue(cause(r, empty).contains("empty"), cause(r, empty));
        assertTrue(cause(r, fake).contains("unknown"), cause(r, fake));
        assertTrue(cause(r, bomb).contains("decompression bomb"), cause(r, bomb));
        assertTrue(cause(r, unicorn).contains("unknown class \"unicorn\""), cause(r, unicorn));
        // the rest is read: the unknown-class photo is counted, the broken files are not
        assertEquals(photos + 1, r.photos());
        assertEquals(sketches - 1, r.sketches());
        assertEquals(countRole(root.resolve("classes.tsv"), "seen"), (long) r.seen());
        // DECODE finds the same files
        DatasetReport full = Dataset.scan(root, new Dataset.Options(null, null, ImageCheck.DECODE))
                .report(ClassTable.DEFAULT_SPLIT);
        assertEquals(files.stream().sorted().toList(), full.problems().stream().map(Problem::file).sorted().toList());
    }

    private static String cause(DatasetReport r, Path file) {
        return r.problems().stream().filter(p -> p.file().equals(file.toString())).findFirst().orElseThrow().cause();
    }

    @Test
    void plantedBadQuickDrawLines() throws IOException {
        Path dir = tmp.resolve("qd");
        copyTree(TestData.path("quickdraw", "simplified"), dir);
        Path cat = dir.resolve("cat.ndjson");
        long before = QuickDrawReaderTest.nonBlankLines(cat);
        Files.writeString(cat, "{\"word\":\"cat\",\"drawing\":[[[1,2,3],[4,5]]]}\n{oops\n",
                StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("unicorn.ndjson"), "{\"word\":\"unicorn\",\"drawing\":[[[1,2],[3,4]]]}\n");
        DatasetReport r = Dataset.scan(dir, new Dataset.Options(TestData.path("sketchy", "classes.tsv"), null,
                ImageCheck.HEADER)).report(ClassTable.DEFAULT_SPLIT);
        List<String> where = r.problems().stream().map(Problem::toString).toList();
        assertTrue(where.contains(cat + ":" + (before + 1) + ": stroke 1 has mismatched array lengths: 3 x, 2 y"),
                where.toString());
        assertTrue(where.stream().anyMatch(w -> w.startsWith(cat + ":" + (before + 2) + ": bad JSON")), where.toString());
        assertTrue(where.stream().anyMatch(w -> w.contains("unicorn.ndjson") && w.contains("unknown class")),
                where.toString());
        assertEquals(3, r.problems().size(), where.toString());
    }

    @Test
    void unrecognisedFolderIsAClearError() throws IOException {
        Files.writeString(tmp.resolve("readme.txt"), "hello");
        IOException e = assertThrows(IOException.class, () -> Dataset.scan(tmp));
        assertTrue(e.getMessage().contains("no data set layout recognised"), e.getMessage());
        IOException e2 = assertThrows(IOException.class, () -> Dataset.scan(tmp.resolve("absent")));
        assertTrue(e2.getMessage().contains("no such file"), e2.getMessage());
    }

    /** Opt-in: the shared real data. */
    @Test
    void sharedSketchyAndFriends() throws IOException {
        Path shared = TestData.sharedOrSkip();
        DatasetReport s = Dataset.scan(shared.resolve("sketchy")).report(ClassTable.DEFAULT_SPLIT);
        assertEquals(125, s.classes());
        assertEquals(3125, s.photos());
        assertEquals(3125, s.sketches());
        assertEquals(100, (int) s.seen());
        assertEquals(25, (int) s.unseen());
        assertTrue(s.problems().isEmpty(), s.problems().toString());
        for (String qd : List.of("simplified", "raw")) {
            DatasetReport q = Dataset.scan(shared.resolve("quickdraw").resolve(qd)).report(null);
            assertEquals(Layout.QUICKDRAW, q.layout());
            assertEquals(countFiles(shared.resolve("quickdraw").resolve(qd), ".ndjson"), q.classes());
            assertTrue(q.drawings() > q.classes());
            assertTrue(q.problems().isEmpty(), q.problems().toString());
        }
        DatasetReport tu = Dataset.scan(shared.resolve("tu-berlin")).report(null);
        assertEquals(Layout.SKETCH_FOLDERS, tu.layout());
        assertEquals(countFiles(shared.resolve("tu-berlin"), ".png"), tu.sketches());
        assertTrue(tu.problems().isEmpty(), tu.problems().toString());
    }
}
