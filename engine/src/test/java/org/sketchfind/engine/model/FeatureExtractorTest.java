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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FeatureExtractorTest {
    private static FeatureExtractor extractor;

    @BeforeAll
    static void load() throws IOException {
        extractor = new FeatureExtractor(Backbones.shared(SqueezeNet11.NAME), 2);
    }

    static List<BufferedImage> images(String modality, String cls) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.path("sketchy", modality, cls))) {
            for (Path p : s.sorted().collect(Collectors.toList())) {
                out.add(ImageIO.read(p.toFile()));
            }
        }
        return out;
    }

    /**
     * Sketchy photos come from ImageNet: the pretrained network with this preprocessing must name the right
     * ImageNet classes for most of them (guitar: 402 acoustic, 546 electric; elephant: 101 tusker,
     * 385 Indian, 386 African). A wrong channel order, scale or crop drops these hit rates.
     */
    @Test
    void photosGetTheirImageNetClasses() throws IOException {
        assertTopFiveHits("guitar", Set.of(402, 546), 4);
        assertTopFiveHits("elephant", Set.of(101, 385, 386), 4);
    }

    private static void assertTopFiveHits(String cls, Set<Integer> accepted, int atLeast) throws IOException {
        int hits = 0;
        StringBuilder seen = new StringBuilder();
        for (BufferedImage img : images("photo", cls)) {
            int[] top = extractor.embed(img, ImagePreprocessor.Mode.PHOTO).topK(5);
            seen.append(Arrays.toString(top)).append(' ');
            if (Arrays.stream(top).anyMatch(accepted::contains)) {
                hits++;
            }
        }
        System.out.println(cls + " top-5: " + seen);
        assertTrue(hits >= atLeast, cls + ": " + hits + " of 5 photos with " + accepted + " in the top 5: " + seen);
    }

    @Test
    void batchedFeaturesEqualSingleOnes() throws IOException {
        List<BufferedImage> sketches = images("sketch", "cat").subList(0, 3);
        float[][] batched = extractor.pooled(sketches, ImagePreprocessor.Mode.SKETCH);
        assertEquals(3, batched.length);
        for (int i = 0; i < 3; i++) {
            float[] single = extractor.pooled(sketches.get(i), ImagePreprocessor.Mode.SKETCH);
            assertEquals(512, single.length);
            for (int d = 0; d < 512; d++) {
                assertEquals(single[d], batched[i][d], 1e-4f);
            }
            float[] embedded = extractor.embed(sketches.get(i), ImagePreprocessor.Mode.SKETCH).feature();
            assertEquals(single[100], embedded[100], 1e-4f);
        }
        assertFalse(Arrays.equals(batched[0], batched[1]));
        assertArrayEquals(new long[]{3, 512, 13, 13},
                extractor.featureMaps(sketches, ImagePreprocessor.Mode.SKETCH).shape());
    }
}
