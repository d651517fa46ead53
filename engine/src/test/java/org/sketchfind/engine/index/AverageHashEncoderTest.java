package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.code.Codes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AverageHashEncoderTest {
    private final AverageHashEncoder encoder = new AverageHashEncoder();

    @Test
    void deterministicBatchedAndDistinctAcrossRealPhotos() throws IOException {
        List<BufferedImage> photos = new ArrayList<>();
        for (Path p : PhotoFixtures.sources()) {
            photos.add(ImageIO.read(p.toFile()));
        }
        List<long[]> a = encoder.encode(photos);
        List<long[]> b = encoder.encode(photos);
        assertEquals(photos.size(), a.size());
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Codes.words(encoder.bits()), a.get(i).length);
            assertArrayEquals(a.get(i), b.get(i));
            assertArrayEquals(a.get(i), encoder.encode(List.of(photos.get(i))).get(0), "batch = single");
            distinct.add(a.get(i)[0]);
        }
        assertTrue(distinct.size() >= photos.size() - 1, "50 different photos give different hashes: " + distinct.size());
    }

    @Test
    void nearDuplicatesAreNearInHamming() throws IOException {
        List<Path> src = PhotoFixtures.sources();
        BufferedImage img = ImageIO.read(src.get(3).toFile());
        BufferedImage half = Thumbnails.scaleRgb(img, img.getWidth() / 2);
        long h = AverageHashEncoder.hash(img);
        long hHalf = AverageHashEncoder.hash(half);
        long other = AverageHashEncoder.hash(ImageIO.read(src.get(40).toFile()));
        int near = Long.bitCount(h ^ hHalf);
        int far = Long.bitCount(h ^ other);
        assertTrue(near <= 8, "downscaled copy within 8 bits: " + near);
        assertTrue(far > near, "another photo is farther (" + far + ") than a downscaled copy (" + near + ")");
    }
}
