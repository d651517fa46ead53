package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.eval.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperTableTest {
    private static final int[] BITS = {32, 64, 128};
    private static final PaperTable.Header HEADER = new PaperTable.Header("Zero-shot SBIR on Sketchy",
            "../shared/data/sketchy", "split_sake_zeroshot1_25unseen (25 unseen classes)");

    static Report report(String model, Integer bits, Integer dims, double map, double mapTie, double p, double pTie,
                         int queries, int gallery) {
        return new Report(model, bits, dims, queries, gallery, map, mapTie, 100, p, pTie, 100, map, 0.1, 0,
                "unseen", new double[]{0, 1}, new double[]{1, 0}, List.of());
    }

    static List<Report> reports() {
        List<Report> r = new ArrayList<>();
        r.add(report("itq", 32, null, 0.101, 0.1, 0.2, 0.19, 625, 625));
        r.add(report("itq", 64, null, 0.11111, 0.11, 0.21, 0.2, 625, 625));
        r.add(report("itq", 128, null, 0.12, 0.119, 0.22, 0.21, 625, 625));
        r.add(report("dsh", 64, null, 0.15, 0.149, 0.25, 0.24, 625, 625));
        r.add(report("dsh", 32, null, 0.14, 0.139, 0.24, 0.23, 625, 625));
        r.add(report("imagenet-cosine", null, 512, 0.117, 0.117, 0.3, 0.3, 625, 625));
        r.add(report("zsih.zip", 64, null, 0.3, 0.29, 0.4, 0.39, 625, 625));
        r.add(report("ridge-glove", null, 100, 0.13, 0.13, 0.31, 0.31, 625, 625));
        return r;
    }

    @Test
    void rowsPerMethodColumnGroupsPerBitLength() {
        String md = PaperTable.markdown(HEADER, reports(), BITS);
        List<String> lines = md.lines().toList();
        assertEquals("# Zero-shot SBIR on Sketchy", lines.get(0));
        assertTrue(md.contains("split_sake_zeroshot1_25unseen (25 unseen classes)"));
        assertTrue(md.contains("Queries: 625 sketches; gallery: 625 photos"), md);
        assertTrue(md.contains("plain (tie-aware)") && md.contains("McSherry & Najork 2008"), md);
        List<String> rows = lines.stream().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + 5, rows.size(), md); // header, rule, itq, dsh, zsih, imagenet, ridge
        assertEquals("| Method | 32 bits mAP@all | 32 bits P@100 | 64 bits mAP@all | 64 bits P@100 | 128 bits mAP@all"
                + " | 128 bits P@100 | real-valued mAP@all | real-valued P@100 |", rows.get(0));
        assertEquals(9, rows.get(1).split("\\|", -1).length - 2, "one rule cell per column");
        assertEquals("| ITQ (Gong & Lazebnik 2011) | 0.1010 (0.1000) | 0.2000 (0.1900) | 0.1111 (0.1100) | "
                + "0.2100 (0.2000) | 0.1200 (0.1190) | 0.2200 (0.2100) | — | — |", rows.get(2));
        // DSH: columns by bit length whatever the report order; the missing 128-bit run is n/a
        assertEquals("| DSH-style (Liu et al. 2017), frozen features | 0.1400 (0.1390) | 0.2400 (0.2300) | "
                + "0.1500 (0.1490) | 0.2500 (0.2400) | n/a | n/a | — | — |", rows.get(3));
        assertTrue(rows.get(4).startsWith("| zsih.zip | n/a | n/a | 0.3000 (0.2900) |"), rows.get(4));
        // real-valued rows after the hashing rows, dashes for bits
        assertEquals("| ImageNet features + cosine (512-d) | — | — | — | — | — | — | 0.1170 (0.1170) | "
                + "0.3000 (0.3000) |", rows.get(5));
        assertTrue(rows.get(6).startsWith("| Ridge → GloVe"), rows.get(6));
        assertTrue(rows.get(6).endsWith("| 0.1300 (0.1300) | 0.3100 (0.3100) |"), rows.get(6));
    }

    @Test
    void refusesRowsMeasuredDifferently() {
        List<Report> r = reports();
        r.add(report("other", 32, null, 0.1, 0.1, 0.1, 0.1, 625, 600));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaperTable.markdown(HEADER, r, BITS));
        assertTrue(e.getMessage().contains("other"), e.getMessage());
        List<Report> dup = reports();
        dup.add(report("itq", 32, null, 0.1, 0.1, 0.1, 0.1, 625, 625));
        assertThrows(IllegalArgumentException.class, () -> PaperTable.markdown(HEADER, dup, BITS));
        assertThrows(IllegalArgumentException.class, () -> PaperTable.markdown(HEADER, List.of(), BITS));
    }

    @Test
    void hashingOnlyTableHasNoRealValuedColumnsAndWritesAFile(@TempDir Path dir) throws Exception {
        List<Report> r = reports().stream().filter(x -> x.bits() != null).toList();
        Path file = PaperTable.write(dir.resolve("docs").resolve("table.md"), HEADER, r, BITS);
        String md = Files.readString(file);
        assertTrue(!md.contains("real-valued mAP@all"), md);
        assertEquals(md, PaperTable.markdown(HEADER, r, BITS));
    }
}
