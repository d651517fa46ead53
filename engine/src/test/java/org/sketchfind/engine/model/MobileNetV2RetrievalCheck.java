package org.sketchfind.engine.model;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.data.ClassTable;
import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.data.ZeroShotSplit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in check on the full Sketchy photos (needs ../shared/data; skipped without it): pooled MobileNetV2 features
 * retrieve photos of the same class clearly better than SqueezeNet 1.1's. Each photo of the 100 SEEN classes of the
 * primary split ranks the other 2,499 by cosine; mean AP of same-class photos (query left out). Seen classes only: the
 * choice of backbone must not read the unseen ones. Run:
 * {@code ./mvnw -B -pl engine -am test -Pbench -Dtest=MobileNetV2RetrievalCheck -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class MobileNetV2RetrievalCheck {

    @Test
    void mobileNetV2PhotosRetrieveTheirClassBetterThanSqueezeNet() throws IOException {
        Path sketchy = TestData.sharedOrSkip().resolve("sketchy");
        List<BufferedImage> photos = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String c : ZeroShotSplit.of(ClassTable.read(sketchy.resolve("classes.tsv"))).seen().names()) {
            try (Stream<Path> files = Files.list(sketchy.resolve("photo").resolve(c))) {
                for (Path p : files.sorted().toList()) {
                    photos.add(ImageLoader.load(p));
                    labels.add(c);
                }
            }
        }
        long t0 = System.nanoTime();
        double mobile = MobileNetV2Test.leaveOneOutMap(FeatureExtractor.of(MobileNetV2.NAME)
                .pooled(photos, ImagePreprocessor.Mode.PHOTO), labels);
        long t1 = System.nanoTime();
        double squeeze = MobileNetV2Test.leaveOneOutMap(FeatureExtractor.of(SqueezeNet11.NAME)
                .pooled(photos, ImagePreprocessor.Mode.PHOTO), labels);
        long t2 = System.nanoTime();
        String line = String.format(Locale.ROOT, "photo→photo mAP over %d photos of the 100 seen Sketchy classes"
                        + " (chance ≈ 0.01): MobileNetV2 %.4f (%.0f s), SqueezeNet 1.1 %.4f (%.0f s)", photos.size(),
                mobile, (t1 - t0) / 1e9, squeeze, (t2 - t1) / 1e9);
        System.out.println(line);
        System.err.println(line);
        assertTrue(mobile > squeeze + 0.1, line);
    }
}
