package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.TestData;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Test fixture: cheap real features of the src-test-data Sketchy subset (10 classes × 5 sketches + 5 photos), each
 * image as a 16×16 gray pixel vector in [0, 1] (256-d), with the subset's GloVe class vectors and its
 * {@code split_sake_zeroshot1_25unseen} split (8 seen, 2 unseen: airplane, cup). The integration feeds pooled
 * SqueezeNet features instead; the baselines only see float rows, so these exercise the same code paths.
 */
final class PixelFeatures {
    static final int SIDE = 16;
    private static FeatureSet all;
    private static Set<String> unseen;

    private PixelFeatures() {
    }

    /** All 10 classes. */
    static synchronized FeatureSet all() throws IOException {
        if (all == null) {
            load();
        }
        return all;
    }

    /** Names of the unseen classes of the split. */
    static synchronized Set<String> unseenClasses() throws IOException {
        all();
        return unseen;
    }

    static FeatureSet seen() throws IOException {
        Set<String> keep = new LinkedHashSet<>(all().classNames());
        keep.removeAll(unseenClasses());
        return all().onlyClasses(keep);
    }

    static FeatureSet unseen() throws IOException {
        return all().onlyClasses(unseenClasses());
    }

    private static void load() throws IOException {
        Path root = TestData.path("sketchy");
        List<String> lines = Files.readAllLines(root.resolve("classes.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int splitCol = header.indexOf("split_sake_zeroshot1_25unseen");
        List<String> names = new ArrayList<>();
        Set<String> u = new LinkedHashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            names.add(f[0]);
            if (f[splitCol].equals("unseen")) {
                u.add(f[0]);
            }
        }
        float[][] vectors = new float[names.size()][];
        for (String line : Files.readAllLines(root.resolve("class_vectors_glove6B100d.tsv"))) {
            String[] f = line.split("\t");
            String[] v = f[1].trim().split(" ");
            float[] vec = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                vec[i] = Float.parseFloat(v[i]);
            }
            vectors[names.indexOf(f[0])] = vec;
        }
        List<float[]> sk = new ArrayList<>(), ph = new ArrayList<>();
        List<Integer> skl = new ArrayList<>(), phl = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            read(root.resolve("sketch").resolve(names.get(c)), c, sk, skl);
            read(root.resolve("photo").resolve(names.get(c)), c, ph, phl);
        }
        all = new FeatureSet(names, vectors, sk.toArray(new float[0][]),
                skl.stream().mapToInt(Integer::intValue).toArray(), ph.toArray(new float[0][]),
                phl.stream().mapToInt(Integer::intValue).toArray());
        unseen = Set.copyOf(u);
    }

    private static void read(Path dir, int label, List<float[]> rows, List<Integer> labels) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                throw new IOException("cannot decode " + f);
            }
            BufferedImage small = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            var g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, SIDE, SIDE, null);
            g.dispose();
            int[] px = small.getRaster().getPixels(0, 0, SIDE, SIDE, (int[]) null);
            float[] v = new float[px.length];
            for (int i = 0; i < px.length; i++) {
                v[i] = px[i] / 255f;
            }
            rows.add(v);
            labels.add(label);
        }
    }
}
