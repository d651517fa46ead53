package org.sketchfind.engine.model;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.data.ClassTable;
import org.sketchfind.engine.data.ZeroShotSplit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end check of preprocessing + backbone on real data (opt-in, minutes of CPU; needs ../shared/data): the
 * "ImageNet features + cosine" baseline on the 25 unseen Sketchy classes (625 sketch queries, 625-photo gallery,
 * plain AP over the full ranking). Issue 5 quotes an independent measurement of mAP@all ≈ 0.117 (chance 0.049).
 * Run: {@code ./mvnw -B -pl engine -am test -Pbench -Dtest=UnseenRetrievalCheck -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class UnseenRetrievalCheck {

    @Test
    void imagenetCosineBaselineOnUnseenClasses() throws IOException {
        Path sketchy = TestData.sharedOrSkip().resolve("sketchy");
        // the evaluation side of the primary split, read as every other reader of classes.tsv reads it
        List<String> unseen = ZeroShotSplit.of(ClassTable.read(sketchy.resolve("classes.tsv"))).unseen()
                .forEvaluation().names();
        FeatureExtractor fx = FeatureExtractor.of(SqueezeNet11.NAME);
        // -Dcheck.sketchMode=PHOTO feeds sketches through the photo transform (resize 256, centre crop 224) instead
        ImagePreprocessor.Mode sketchMode = ImagePreprocessor.Mode.valueOf(System.getProperty("check.sketchMode", "SKETCH"));
        List<float[]> q = new ArrayList<>();
        List<Integer> ql = new ArrayList<>();
        List<float[]> g = new ArrayList<>();
        List<Integer> gl = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < unseen.size(); c++) {
            for (float[] f : fx.pooled(read(sketchy.resolve("sketch").resolve(unseen.get(c))), sketchMode)) {
                q.add(f);
                ql.add(c);
            }
            for (float[] f : fx.pooled(read(sketchy.resolve("photo").resolve(unseen.get(c))), ImagePreprocessor.Mode.PHOTO)) {
                g.add(f);
                gl.add(c);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double sumAp = 0;
        for (int i = 0; i < q.size(); i++) {
            float[] qi = q.get(i);
            Integer[] order = new Integer[g.size()];
            double[] sim = new double[g.size()];
            for (int j = 0; j < g.size(); j++) {
                sim[j] = cosine(qi, g.get(j));
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(sim[b], sim[a]));
            int hits = 0;
            double ap = 0;
            int relevant = 0;
            for (Integer label : gl) {
                relevant += label.equals(ql.get(i)) ? 1 : 0;
            }
            for (int r = 0; r < order.length; r++) {
                if (gl.get(order[r]).equals(ql.get(i))) {
                    hits++;
                    ap += hits / (double) (r + 1);
                }
            }
            sumAp += ap / relevant;
        }
        double map = sumAp / q.size();
        System.out.printf(Locale.ROOT, "unseen classes %d, queries %d (sketch mode %s), gallery %d: ImageNet-cosine "
                + "mAP@all = %.4f (features in %.0f s)%n", unseen.size(), q.size(), sketchMode, g.size(), map, seconds);
        assertTrue(map > 0.08, "mAP " + map);
    }

    private static List<BufferedImage> read(Path dir) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().collect(Collectors.toList())) {
                BufferedImage img = ImageIO.read(p.toFile());
                if (img != null) {
                    out.add(img);
                }
            }
        }
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb + 1e-30);
    }
}
