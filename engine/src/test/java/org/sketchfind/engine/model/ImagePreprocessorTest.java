package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.TestData;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImagePreprocessorTest {
    private static final int PLANE = 224 * 224;

    private static BufferedImage filled(int w, int h, int type, Color c) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** Undoes the normalisation: the value in [0,1] of channel c. */
    private static float raw(float v, int c) {
        return v * ImagePreprocessor.STD[c] + ImagePreprocessor.MEAN[c];
    }

    /**
     * The fast paths (raw bytes of a decoded JPEG's BGR raster; no filtering when no resize is needed) give exactly
     * what the general path gives: the same real photo as TYPE_3BYTE_BGR and as TYPE_INT_ARGB (read through getRGB),
     * at 256×256 (crop only) and at 300×256 (resized).
     */
    @Test
    void fastPathsEqualTheGeneralPath() throws IOException {
        BufferedImage photo = ImageIO.read(TestData.path("sketchy", "photo", "dog").toFile().listFiles()[0]);
        for (int w : new int[]{photo.getWidth(), 300}) {
            BufferedImage bgr = new BufferedImage(w, photo.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            BufferedImage argb = new BufferedImage(w, photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
            for (BufferedImage target : List.of(bgr, argb)) {
                Graphics2D g = target.createGraphics();
                g.drawImage(photo, 0, 0, w, photo.getHeight(), null);
                g.dispose();
            }
            for (ImagePreprocessor.Mode mode : ImagePreprocessor.Mode.values()) {
                assertArrayEquals(ImagePreprocessor.chw(argb, mode), ImagePreprocessor.chw(bgr, mode), 1e-6f,
                        w + " wide, " + mode);
            }
        }
    }

    @Test
    void normalisesWithImageNetMeanAndStd() {
        float[] x = ImagePreprocessor.chw(filled(300, 200, BufferedImage.TYPE_INT_RGB, new Color(255, 0, 51)),
                ImagePreprocessor.Mode.PHOTO);
        assertEquals(3 * PLANE, x.length);
        float[] expected = {(1f - 0.485f) / 0.229f, (0f - 0.456f) / 0.224f, (0.2f - 0.406f) / 0.225f};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < PLANE; i += 997) {
                assertEquals(expected[c], x[c * PLANE + i], 1e-5f, "channel " + c);
            }
        }
        INDArray t = ImagePreprocessor.photo(filled(10, 10, BufferedImage.TYPE_INT_RGB, Color.WHITE));
        assertArrayEquals(new long[]{3, 224, 224}, t.shape());
    }

    @Test
    void photoIsCentreCroppedButSketchKeepsEverything() {
        // 512×256, left quarter black: the photo crop (short side 256, centre 224 of 512) cuts it away,
        // the sketch (padded to a white square, then resized whole) keeps it.
        BufferedImage img = filled(512, 256, BufferedImage.TYPE_INT_RGB, Color.WHITE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 128, 256);
        g.dispose();
        float[] photo = ImagePreprocessor.chw(img, ImagePreprocessor.Mode.PHOTO);
        float minPhoto = 1;
        for (int i = 0; i < PLANE; i++) {
            minPhoto = Math.min(minPhoto, raw(photo[i], 0));
        }
        assertEquals(1f, minPhoto, 1e-4f, "the black quarter lies outside the centre crop");

        float[] sketch = ImagePreprocessor.chw(img, ImagePreprocessor.Mode.SKETCH);
        // padded to 512×512 with the image in rows 128..383: resized, rows 56..167 hold it, columns 0..55 black
        assertEquals(0f, raw(sketch[112 * 224 + 20], 0), 1e-4f, "stroke region kept");
        assertEquals(1f, raw(sketch[112 * 224 + 150], 0), 1e-4f);
        assertEquals(1f, raw(sketch[10 * 224 + 20], 0), 1e-4f, "white padding above");
        assertEquals(1f, raw(sketch[215 * 224 + 20], 0), 1e-4f, "white padding below");
    }

    @Test
    void graySketchBecomesThreeEqualChannelsWithoutGammaChange() throws IOException {
        BufferedImage gray = filled(256, 256, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE);
        gray.getRaster().setSample(0, 0, 0, 0);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                gray.getRaster().setSample(x, y, 0, 128);
            }
        }
        float[] x = ImagePreprocessor.chw(gray, ImagePreprocessor.Mode.SKETCH);
        assertEquals(128f / 255f, raw(x[5000], 0), 1e-5f, "raster value read as is, no linear-gray conversion");

        BufferedImage real = ImageIO.read(TestData.path("sketchy", "sketch", "cup", "n03063073_10444-1.png").toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, real.getType());
        float[] s = ImagePreprocessor.chw(real, ImagePreprocessor.Mode.SKETCH);
        int dark = 0;
        for (int i = 0; i < PLANE; i++) {
            float r = raw(s[i], 0);
            assertEquals(r, raw(s[PLANE + i], 1), 1e-5f);
            assertEquals(r, raw(s[2 * PLANE + i], 2), 1e-5f);
            if (r < 0.5f) {
                dark++;
            }
        }
        // a line drawing: some ink, mostly paper
        assertTrue(dark > 200 && dark < PLANE / 4, "dark pixels: " + dark);
    }

    /**
     * The same sketch drawn in grey ink gives the backbone the same input as in black: a Sketchy sketch (full range)
     * against a copy whose ink is mapped to grey (v -> 0.4 + 0.6 v). A TU-Berlin drawing of the test data, whose
     * darkest pixel is 80/255, comes out much darker. A full-range or single-valued image is unchanged by the stretch.
     */
    @Test
    void sketchInkIsStretchedToFullRange() throws IOException {
        BufferedImage black = ImageIO.read(TestData.path("sketchy", "sketch", "cup", "n03063073_10444-1.png").toFile());
        BufferedImage grey = new BufferedImage(black.getWidth(), black.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < black.getHeight(); y++) {
            for (int x = 0; x < black.getWidth(); x++) {
                grey.getRaster().setSample(x, y, 0, 102 + Math.round(black.getRaster().getSample(x, y, 0) * 0.6f));
            }
        }
        float[] fromBlack = ImagePreprocessor.chw(black, ImagePreprocessor.Mode.SKETCH);
        float[] fromGrey = ImagePreprocessor.chw(grey, ImagePreprocessor.Mode.SKETCH);
        float worst = 0;
        for (int i = 0; i < fromBlack.length; i++) {
            worst = Math.max(worst, Math.abs(raw(fromBlack[i], i / PLANE) - raw(fromGrey[i], i / PLANE)));
        }
        assertTrue(worst < 0.01f, "grey ink reads as black ink: largest difference " + worst);

        BufferedImage tu = ImageIO.read(TestData.path("tu-berlin", "dog", "5282.png").toFile());
        float darkest = 1;
        for (float v : ImagePreprocessor.readRgb(tu)[0]) {
            darkest = Math.min(darkest, v);
        }
        float[] x = ImagePreprocessor.chw(tu, ImagePreprocessor.Mode.SKETCH);
        float min = 1;
        float max = 0;
        for (int i = 0; i < PLANE; i++) {
            min = Math.min(min, raw(x[i], 0));
            max = Math.max(max, raw(x[i], 0));
        }
        // resizing 150 -> 224 blends the darkest pixel with its neighbours: near black, not black
        assertTrue(darkest > 0.3f && min < darkest / 2, "TU-Berlin ink: darkest " + darkest + " -> " + min);
        assertEquals(1f, max, 1e-4f, "paper stays white");

        float[][] full = ImagePreprocessor.readRgb(black);
        float[][] copy = {full[0].clone(), full[1].clone(), full[2].clone()};
        ImagePreprocessor.stretchInk(copy);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(full[c], copy[c], "a full-range sketch is unchanged");
        }
        float[][] flat = {new float[]{0.5f, 0.5f}, new float[]{0.5f, 0.5f}, new float[]{0.5f, 0.5f}};
        ImagePreprocessor.stretchInk(flat);
        assertArrayEquals(new float[]{0.5f, 0.5f}, flat[0], "a single-valued image is left alone");
        float[][] g = {new float[]{0.2f, 0.6f, 1f}, new float[]{0.2f, 0.6f, 1f}, new float[]{0.2f, 0.6f, 1f}};
        ImagePreprocessor.stretchInk(g);
        assertArrayEquals(new float[]{0f, 0.5f, 1f}, g[0], 1e-6f, "one linear map: 0.2 -> 0, 0.6 -> 0.5, 1 -> 1");
    }

    @Test
    void transparentPixelsBecomeWhite() {
        BufferedImage argb = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        float[] x = ImagePreprocessor.chw(argb, ImagePreprocessor.Mode.SKETCH);
        for (int c = 0; c < 3; c++) {
            assertEquals(1f, raw(x[c * PLANE + 777], c), 1e-5f);
        }
    }

    @Test
    void downscalingAveragesInsteadOfAliasing() {
        // 1-pixel black lines every 10 pixels on 2240×2240: each output pixel covers ten columns, one of them black
        BufferedImage img = filled(2240, 2240, BufferedImage.TYPE_INT_RGB, Color.WHITE);
        for (int y = 0; y < 2240; y++) {
            for (int xx = 3; xx < 2240; xx += 10) {
                img.setRGB(xx, y, 0);
            }
        }
        float[] x = ImagePreprocessor.chw(img, ImagePreprocessor.Mode.SKETCH);
        double sum = 0;
        double min = 1;
        double max = 0;
        for (int i = 0; i < PLANE; i++) {
            double v = raw(x[i], 0);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.9, sum / PLANE, 0.01);
        assertTrue(min > 0.8 && max < 0.98, "range " + min + ".." + max + " (point sampling would give 0 and 1)");
    }

    @Test
    void batchStacksInOrder() {
        BufferedImage a = filled(50, 80, BufferedImage.TYPE_INT_RGB, Color.RED);
        BufferedImage b = filled(90, 40, BufferedImage.TYPE_INT_RGB, Color.BLUE);
        INDArray batch = ImagePreprocessor.batch(List.of(a, b), ImagePreprocessor.Mode.PHOTO);
        assertArrayEquals(new long[]{2, 3, 224, 224}, batch.shape());
        assertTrue(batch.getFloat(0, 0, 100, 100) > 2f && batch.getFloat(1, 2, 100, 100) > 2f);
        assertTrue(batch.getFloat(0, 2, 100, 100) < -1.5f && batch.getFloat(1, 0, 100, 100) < -1.5f);
        INDArray stacked = ImagePreprocessor.stack(List.of(ImagePreprocessor.photo(a), ImagePreprocessor.photo(b)));
        assertEquals(batch, stacked);
        assertThrows(IllegalArgumentException.class, () -> ImagePreprocessor.batch(List.of(), ImagePreprocessor.Mode.PHOTO));
    }
}
