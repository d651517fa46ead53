package org.sketchfind.engine.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sketchfind.engine.TestData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * MobileNetV2 on ONNX Runtime. Its classifier weight is not shipped, so there are no reference logits: the network is
 * checked by what its features do. On the 50 real photos of src-test-data (10 classes × 5), each photo ranks the other
 * 49 by the cosine of pooled features; the mean AP of "same class" must be far above chance (≈ 0.1) and above
 * SqueezeNet 1.1's on the same photos. A wrong layer order, padding, stride, activation or residual collapses it.
 */
class MobileNetV2Test {
    private static Backbone net;

    @BeforeAll
    static void load() throws IOException {
        net = Backbones.shared(MobileNetV2.NAME);
    }

    @Test
    void mapIsAReluSixOutputOfTheDocumentedShape() throws IOException {
        List<BufferedImage> photos = FeatureExtractorTest.images("photo", "dog").subList(0, 2);
        Backbone.Forward f = net.forward(ImagePreprocessor.batchArray(photos, ImagePreprocessor.Mode.PHOTO), 2);
        assertEquals(2 * 1280 * 7 * 7, f.maps().length);
        assertNull(f.logits(), "no classifier is shipped");
        assertFalse(net.hasLogits());
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float v : f.maps()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 0 && max <= 6 && max > 1, "ReLU6 range, not all zero: " + min + ".." + max);
        assertEquals(1280, new FeatureExtractor(net).pooled(photos.get(0), ImagePreprocessor.Mode.PHOTO).length);
        assertEquals(104, onnxInitializers() - 2, "96 convolutions' weights and biases, plus the two ReLU6 bounds");
    }

    @Test
    void photosOfAClassAreEachOthersNearestNeighbours() throws IOException {
        List<BufferedImage> photos = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (Stream<Path> classes = Files.list(TestData.path("sketchy", "photo"))) {
            for (Path c : classes.sorted().toList()) {
                try (Stream<Path> files = Files.list(c)) {
                    for (Path p : files.sorted().toList()) {
                        photos.add(ImageIO.read(p.toFile()));
                        labels.add(c.getFileName().toString());
                    }
                }
            }
        }
        double mobile = leaveOneOutMap(new FeatureExtractor(net).pooled(photos, ImagePreprocessor.Mode.PHOTO), labels);
        double squeeze = leaveOneOutMap(FeatureExtractor.of(SqueezeNet11.NAME)
                .pooled(photos, ImagePreprocessor.Mode.PHOTO), labels);
        System.out.printf("photo→photo mAP over %d src-test-data photos (chance ≈ 0.1): MobileNetV2 %.3f,"
                + " SqueezeNet 1.1 %.3f%n", photos.size(), mobile, squeeze);
        assertTrue(mobile > 0.6, "MobileNetV2 features should group photos by class: mAP " + mobile);
        assertTrue(mobile > squeeze, "MobileNetV2 (" + mobile + ") should beat SqueezeNet 1.1 (" + squeeze + ")");
    }

    /** Mean over photos of the AP of same-class photos when the others are ranked by cosine similarity. */
    static double leaveOneOutMap(float[][] features, List<String> labels) {
        int n = features.length;
        double sum = 0;
        for (int q = 0; q < n; q++) {
            List<double[]> ranked = new ArrayList<>();
            for (int g = 0; g < n; g++) {
                if (g != q) {
                    ranked.add(new double[]{cosine(features[q], features[g]), labels.get(g).equals(labels.get(q)) ? 1 : 0});
                }
            }
            ranked.sort((a, b) -> Double.compare(b[0], a[0]));
            int hits = 0;
            double ap = 0;
            for (int r = 0; r < ranked.size(); r++) {
                if (ranked.get(r)[1] == 1) {
                    hits++;
                    ap += (double) hits / (r + 1);
                }
            }
            sum += hits == 0 ? 0 : ap / hits;
        }
        return sum / n;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb + 1e-30);
    }

    private static int onnxInitializers() throws IOException {
        try {
            return onnx.Onnx.ModelProto.parseFrom(net.onnxGraph()).getGraph().getInitializerCount();
        } catch (org.nd4j.shade.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(e);
        }
    }
}
