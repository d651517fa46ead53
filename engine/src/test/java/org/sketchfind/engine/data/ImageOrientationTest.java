package org.sketchfind.engine.data;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link ImageLoader#orient}, the one place EXIF orientation is applied (loading, indexing), pixel by pixel. */
class ImageOrientationTest {
    /** A 3×2 image whose pixel values name their position: value = 10·x + y + 1. */
    private static BufferedImage sample() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, 10 * x + y + 1);
            }
        }
        return img;
    }

    private static String rows(BufferedImage img) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                sb.append(img.getRGB(x, y) & 0xFFFFFF).append(x + 1 < img.getWidth() ? " " : "");
            }
            sb.append(y + 1 < img.getHeight() ? "/" : "");
        }
        return sb.toString();
    }

    @Test
    void eachExifOrientationMapsPixelsAsTheSpecSays() {
        // stored image:  1 11 21 / 2 12 22
        BufferedImage upright = sample();
        assertSame(upright, ImageLoader.orient(upright, 1), "orientation 1 returns the image itself");
        assertEquals("1 11 21/2 12 22", rows(ImageLoader.orient(sample(), 1)));
        assertEquals("21 11 1/22 12 2", rows(ImageLoader.orient(sample(), 2)));   // mirror left-right
        assertEquals("22 12 2/21 11 1", rows(ImageLoader.orient(sample(), 3)));   // 180°
        assertEquals("2 12 22/1 11 21", rows(ImageLoader.orient(sample(), 4)));   // mirror top-bottom
        assertEquals("1 2/11 12/21 22", rows(ImageLoader.orient(sample(), 5)));   // transpose
        assertEquals("2 1/12 11/22 21", rows(ImageLoader.orient(sample(), 6)));   // 90° clockwise
        assertEquals("22 21/12 11/2 1", rows(ImageLoader.orient(sample(), 7)));   // transverse
        assertEquals("21 22/11 12/1 2", rows(ImageLoader.orient(sample(), 8)));   // 90° counter-clockwise
    }
}
