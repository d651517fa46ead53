package org.sketchfind.engine.train;

import org.sketchfind.engine.TestData;
import org.sketchfind.engine.features.ArrayFeatureMaps;
import org.sketchfind.engine.features.FeatureMaps;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training data for tests from the real src-test-data Sketchy subset (seen classes of split_sake_zeroshot1_25unseen
 * only), with cheap stand-ins for SqueezeNet feature maps, since the backbone is not wired in yet: each image is
 * down-sampled (bilinear, then area) to H×W RGB (a sketch's gray gives three equal channels) and channel c of the
 * map is ReLU(Σ_k P[c][k]·rgb_k + q_c) with a fixed seeded random P ∈ R^{C×3}, q — non-negative like post-ReLU fire
 * features. Integration replaces this with cached real SqueezeNet maps.
 */
final class SketchyTestFeatures {
    static final int CHANNELS = 8;
    /** What the stand-in maps are recorded as (they are not any backbone's, but a model file must name one). */
    static final org.sketchfind.engine.model.BackboneId TEST_BACKBONE = new org.sketchfind.engine.model.BackboneId(
            org.sketchfind.engine.model.Backbones.LEGACY,
            org.sketchfind.engine.model.ModelManifest.LEGACY_BACKBONE_SHA256);
    static final int SIZE = 4;

    private SketchyTestFeatures() {
    }

    static TrainingData load(int heldOutPerClass) throws IOException {
        return load(heldOutPerClass, 0);
    }

    /** With {@code validationClasses} &gt; 0, that many seen classes are held out whole instead of items. */
    static TrainingData load(int heldOutPerClass, int validationClasses) throws IOException {
        Path root = TestData.path("sketchy");
        List<String> seen = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("classes.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f[1].equals("seen")) {
                seen.add(f[0]);
            }
        }
        float[][] vectors = new float[seen.size()][];
        for (String line : Files.readAllLines(root.resolve("class_vectors_glove6B100d.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            int c = seen.indexOf(f[0]);
            if (c >= 0) {
                String[] xs = f[1].trim().split(" ");
                vectors[c] = new float[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    vectors[c][i] = Float.parseFloat(xs[i]);
                }
            }
        }
        List<float[]> sk = new ArrayList<>();
        List<Integer> skc = new ArrayList<>();
        List<float[]> ph = new ArrayList<>();
        List<Integer> phc = new ArrayList<>();
        for (int c = 0; c < seen.size(); c++) {
            for (Path p : sorted(root.resolve("sketch").resolve(seen.get(c)))) {
                sk.add(features(p));
                skc.add(c);
            }
            for (Path p : sorted(root.resolve("photo").resolve(seen.get(c)))) {
                ph.add(features(p));
                phc.add(c);
            }
        }
        FeatureMaps skMaps = new ArrayFeatureMaps(sk.toArray(new float[0][]), CHANNELS, SIZE, SIZE);
        int[] skClasses = skc.stream().mapToInt(Integer::intValue).toArray();
        FeatureMaps phMaps = new ArrayFeatureMaps(ph.toArray(new float[0][]), CHANNELS, SIZE, SIZE);
        int[] phClasses = phc.stream().mapToInt(Integer::intValue).toArray();
        String split = "src-test-data/sketchy:split_sake_zeroshot1_25unseen";
        if (validationClasses > 0) {
            return TrainingData.withHeldOutClasses(skMaps, skClasses, phMaps, phClasses, seen, vectors, split,
                    validationClasses, 5, TEST_BACKBONE);
        }
        return TrainingData.withHeldOut(skMaps, skClasses, phMaps, phClasses, seen, vectors, split,
                heldOutPerClass, 5, TEST_BACKBONE);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    static float[] features(Path image) throws IOException {
        BufferedImage src = ImageIO.read(image.toFile());
        if (src == null) {
            throw new IOException(image + ": not a readable image");
        }
        BufferedImage mid = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = mid.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 32, 32);
        g.drawImage(src, 0, 0, 32, 32, null);
        g.dispose();
        SplittableRandom rnd = new SplittableRandom(2018);
        double[][] proj = new double[CHANNELS][4];
        for (double[] row : proj) {
            for (int k = 0; k < 4; k++) {
                row[k] = rnd.nextDouble() * 2 - 1;
            }
        }
        int cell = 32 / SIZE;
        float[] out = new float[CHANNELS * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double[] rgb = new double[3];
                for (int yy = 0; yy < cell; yy++) {
                    for (int xx = 0; xx < cell; xx++) {
                        int px = mid.getRGB(x * cell + xx, y * cell + yy);
                        rgb[0] += ((px >> 16) & 0xff) / 255.0;
                        rgb[1] += ((px >> 8) & 0xff) / 255.0;
                        rgb[2] += (px & 0xff) / 255.0;
                    }
                }
                for (int c = 0; c < CHANNELS; c++) {
                    double v = proj[c][3] * 0.5;
                    for (int k = 0; k < 3; k++) {
                        v += proj[c][k] * (1 - rgb[k] / (cell * cell));   // ink/darkness, 0 on white
                    }
                    out[(c * SIZE + y) * SIZE + x] = (float) Math.max(0, 2 * v);
                }
            }
        }
        return out;
    }
}
