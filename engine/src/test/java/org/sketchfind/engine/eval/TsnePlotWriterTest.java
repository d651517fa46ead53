package org.sketchfind.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsnePlotWriterTest {

    @Test
    void writesDecodablePlotAndOneCsvRowPerPoint(@TempDir Path dir) throws Exception {
        int classes = 9; // 0..5 seen, 6..8 unseen
        int[] labels = new int[360];
        double[][] x = BarnesHutTsneTest.gaussianClusters(labels.length, 32, classes, 5, 21, labels);
        double[][] y = BarnesHutTsne.embed(x, BarnesHutTsne.Config.defaults().withIterations(500)).embedding();
        List<String> names = new ArrayList<>();
        List<TsnePoint.Split> splits = new ArrayList<>();
        List<TsnePoint.Modality> mods = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            splits.add(labels[i] >= 6 ? TsnePoint.Split.UNSEEN : TsnePoint.Split.SEEN);
            mods.add((i / classes) % 2 == 0 ? TsnePoint.Modality.PHOTO : TsnePoint.Modality.SKETCH);
            String name = labels[i] == 8 ? "cup" : labels[i] == 7 ? "airplane" : "class" + labels[i];
            names.add(name);
            paths.add("data/" + name + "/img, " + i + ".png");
        }
        List<TsnePoint> pts = TsnePoint.of(y, names, splits, mods, paths);
        assertThrows(IllegalArgumentException.class, () -> TsnePoint.of(y, names.subList(1, names.size()), splits,
                mods, paths));
        List<Path> files = TsnePlotWriter.write(dir, "tsne", pts, "t-SNE test");
        Path png = dir.resolve("tsne.png");
        Path csv = dir.resolve("tsne.csv");
        assertEquals(List.of(png, csv), files);
        EvaluationTest.assertNotBlankPng(png);
        EvaluationTest.keepForInspection(png);

        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,y,class,split,modality,path", lines.get(0));
        assertEquals(1 + pts.size(), lines.size());
        String row = lines.get(1 + 8); // point 8: class 8 = cup, unseen, i/9 = 0 → photo
        assertTrue(row.endsWith(",cup,unseen,photo,\"data/cup/img, 8.png\""), row);
        String[] first = lines.get(1).split(",", 3);
        assertEquals(pts.get(0).x(), Double.parseDouble(first[0]), 1e-6);
        assertEquals(pts.get(0).y(), Double.parseDouble(first[1]), 1e-6);
        long sketchRows = lines.stream().skip(1).filter(l -> l.contains(",sketch,")).count();
        assertEquals(pts.stream().filter(p -> p.modality() == TsnePoint.Modality.SKETCH).count(), sketchRows);
    }

    @Test
    void aLongTitleIsShrunkToFitTheChartInsteadOfBeingCutOff() {
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        String shortTitle = "t-SNE of ZSIH, 64-bit codes";
        assertEquals(14, TsnePlotWriter.titleFont(shortTitle).getSize(), "a short title keeps the default size");
        String longTitle = "t-SNE of ZSIH + encoder semantic term (λ = 100), 64-bit codes: sketchy,"
                + " split_sake_zeroshot1_25unseen   (● photo  ▲ sketch; faded: seen classes)";
        java.awt.Font f = TsnePlotWriter.titleFont(longTitle);
        assertTrue(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14).getStringBounds(longTitle, frc)
                .getWidth() > TsnePlotWriter.WIDTH - TsnePlotWriter.TITLE_MARGIN, "the long title would not fit at 14 pt");
        assertTrue(f.getSize() < 14 && f.getStringBounds(longTitle, frc).getWidth() <= TsnePlotWriter.WIDTH - TsnePlotWriter.TITLE_MARGIN,
                "shrunk to " + f.getSize() + " pt so that it fits");
    }

    @Test
    void emptyInputIsRejected(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> TsnePlotWriter.write(dir, "t", List.of(), "t"));
    }
}
