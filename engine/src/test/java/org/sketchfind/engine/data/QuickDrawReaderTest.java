package org.sketchfind.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickDrawReaderTest {
    @TempDir
    Path tmp;

    static long nonBlankLines(Path f) throws IOException {
        try (Stream<String> s = Files.lines(f)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    private static void checkFolder(Path dir, boolean timed) throws IOException {
        ReadResult<LabeledDrawing> r = QuickDrawReader.read(dir);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        long expected = 0;
        for (Path f : files) {
            expected += nonBlankLines(f);
        }
        assertEquals(expected, r.items().size());
        Map<String, Long> perClass = r.items().stream()
                .collect(Collectors.groupingBy(LabeledDrawing::className, Collectors.counting()));
        for (Path f : files) {
            String cls = QuickDrawReader.classFromFileName(f);
            assertEquals(nonBlankLines(f), perClass.get(cls), "word field matches file " + f);
        }
        for (LabeledDrawing d : r.items()) {
            assertFalse(d.drawing().isEmpty());
            assertTrue(d.line() >= 1);
            assertFalse(d.keyId().isEmpty());
            for (Stroke s : d.drawing().strokes()) {
                assertEquals(timed, s.hasTimes(), d.file() + ":" + d.line());
            }
        }
    }

    @Test
    void simplifiedTestData() throws IOException {
        checkFolder(TestData.path("quickdraw", "simplified"), false);
        // simplified drawings live in the 0..255 box
        for (LabeledDrawing d : QuickDrawReader.read(TestData.path("quickdraw", "simplified")).items()) {
            float[] b = d.drawing().bounds();
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] <= 255 && b[3] <= 255);
        }
    }

    @Test
    void rawTestDataHasTimes() throws IOException {
        checkFolder(TestData.path("quickdraw", "raw"), true);
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineAndReadingGoesOn() throws IOException {
        Path f = tmp.resolve("full_simplified_hot air balloon.ndjson");
        Files.writeString(f, String.join("\n",
                "{\"word\":\"cat\",\"key_id\":\"1\",\"drawing\":[[[0,10,20],[0,5,0]]]}",          // 1 ok
                "{\"word\":\"cat\",\"drawing\":[[[0,10],[0,5]]",                                   // 2 bad JSON
                "{\"word\":\"cat\"}",                                                             // 3 no drawing
                "{\"word\":\"cat\",\"drawing\":[[[0,10,20],[0,5]]]}",                              // 4 mismatched
                "{\"word\":\"cat\",\"drawing\":[]}",                                              // 5 empty
                "",                                                                               // 6 blank: skipped
                "{\"drawing\":[[[1,2],[3,4],[0,16]]]}",                                           // 7 ok, raw, no word
                "{\"word\":\"cat\",\"drawing\":[[[0,\"x\"],[0,1]]]}",                               // 8 not a number
                "[1,2,3]",                                                                        // 9 not an object
                "{\"word\":\"cat\",\"drawing\":[[[5],[6]],[[],[]]]}",                               // 10 ok: a dot
                "{\"word\":\"cat\",\"drawing\":[[[0,1],[0,1],[0]]]}"));                            // 11 t mismatched
        ReadResult<LabeledDrawing> r = QuickDrawReader.read(tmp);
        assertEquals(List.of(1, 7, 10), r.items().stream().map(LabeledDrawing::line).toList());
        assertEquals("hot air balloon", r.items().get(1).className(), "class from the file name");
        assertTrue(r.items().get(1).drawing().strokes().get(0).hasTimes(), "raw form detected per line");
        assertFalse(r.items().get(0).drawing().strokes().get(0).hasTimes());
        Map<Integer, String> causes = r.problems().stream().collect(Collectors.toMap(Problem::line, Problem::cause));
        assertEquals(List.of(2, 3, 4, 5, 8, 9, 11), causes.keySet().stream().sorted().toList());
        assertTrue(causes.get(2).startsWith("bad JSON"), causes.get(2));
        assertTrue(causes.get(3).contains("missing \"drawing\""), causes.get(3));
        assertTrue(causes.get(4).contains("mismatched"), causes.get(4));
        assertTrue(causes.get(5).contains("empty drawing"), causes.get(5));
        assertTrue(causes.get(8).contains("not a number"), causes.get(8));
        assertTrue(causes.get(9).contains("not an object"), causes.get(9));
        assertTrue(causes.get(11).contains("mismatched"), causes.get(11));
        for (Problem p : r.problems()) {
            assertEquals(f.toString(), p.file());
            assertTrue(p.toString().startsWith(f + ":" + p.line() + ": "), p.toString());
        }
    }

    @Test
    void missingFolderAndInvalidUtf8DoNotCrash() throws IOException {
        ReadResult<LabeledDrawing> none = QuickDrawReader.read(tmp.resolve("absent"));
        assertEquals(1, none.problems().size());
        Path f = tmp.resolve("cat.ndjson");
        Files.write(f, new byte[]{(byte) 0xC3, (byte) 0x28, '\n'});
        ReadResult<LabeledDrawing> r = QuickDrawReader.read(f);
        assertEquals(1, r.problems().size());
        assertEquals(1, r.problems().get(0).line());
        Path empty = Files.createFile(tmp.resolve("dog.ndjson"));
        ReadResult<LabeledDrawing> e = QuickDrawReader.read(empty);
        assertEquals(List.of(new Problem(empty.toString(), 0, "empty file (no drawings)")), e.problems());
        Path bom = Files.writeString(tmp.resolve("bom.ndjson"), "\uFEFF{\"word\":\"cat\",\"drawing\":[[[1],[2]]]}\n");
        assertEquals(1, QuickDrawReader.read(bom).items().size());
    }
}
