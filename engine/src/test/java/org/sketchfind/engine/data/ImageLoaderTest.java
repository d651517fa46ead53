package org.sketchfind.engine.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sketchfind.engine.TestData;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageLoaderTest {
    @TempDir
    static Path tmp;
    static Path photoPath;
    static BufferedImage photo;

    @BeforeAll
    static void loadPhoto() throws IOException {
        try (Stream<Path> s = Files.list(TestData.path("sketchy", "photo", "cat"))) {
            photoPath = s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        photo = ImageLoader.load(photoPath);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Mean absolute difference per channel, 0..255. */
    static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    sum += Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private static void assertRgb(BufferedImage img) {
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
    }

    @Test
    void jpegPhotoFromTestData() throws IOException {
        assertRgb(photo);
        assertEquals(256, photo.getWidth());
        ImageInfo info = ImageLoader.info(photoPath);
        assertEquals("jpeg", info.format());
        assertEquals(256, info.width());
        assertEquals(1, info.orientation());
        assertFalse(info.gray());
        assertTrue(info.taken().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessFormatsRoundTripExactly(String format) throws IOException {
        Path p = write("photo." + format, TestImages.encode(photo, format));
        BufferedImage back = ImageLoader.load(p);
        assertRgb(back);
        assertEquals(0.0, meanAbsDiff(photo, back), format);
        assertEquals(format.equals("tiff") ? "tiff" : format, ImageLoader.info(p).format());
    }

    @Test
    void webpLossless() throws IOException {
        BufferedImage small = photo.getSubimage(100, 100, 48, 40);
        Path p = write("photo.webp", TestImages.webpLossless(small));
        BufferedImage back = ImageLoader.load(p);
        assertRgb(back);
        assertEquals(48, back.getWidth());
        assertEquals(40, back.getHeight());
        assertEquals(0.0, meanAbsDiff(small, back));
        assertEquals("webp", ImageLoader.info(p).format());
    }

    @Test
    void gifIsPaletteApproximation() throws IOException {
        Path p = write("photo.gif", TestImages.encode(photo, "gif"));
        BufferedImage back = ImageLoader.load(p);
        assertRgb(back);
        double d = meanAbsDiff(photo, back);
        assertTrue(d < 20, "GIF palette error " + d);
        assertEquals("gif", ImageLoader.info(p).format());
    }

    @Test
    void gray8And16BitPng() throws IOException {
        BufferedImage g8 = new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage g16 = new BufferedImage(256, 256, BufferedImage.TYPE_USHORT_GRAY);
        int[] expect = new int[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int rgb = photo.getRGB(x, y);
                int v = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                expect[y * 256 + x] = v;
                g8.getRaster().setSample(x, y, 0, v);
                g16.getRaster().setSample(x, y, 0, v * 257);
            }
        }
        for (BufferedImage g : new BufferedImage[]{g8, g16}) {
            Path p = write("gray" + g.getType() + ".png", TestImages.encode(g, "png"));
            assertTrue(ImageLoader.info(p).gray());
            BufferedImage back = ImageLoader.load(p);
            assertRgb(back);
            int worst = 0;
            for (int i = 0; i < expect.length; i++) {
                int rgb = back.getRGB(i % 256, i / 256);
                assertEquals((rgb >> 16) & 0xFF, rgb & 0xFF, "gray stays gray");
                worst = Math.max(worst, Math.abs((rgb & 0xFF) - expect[i]));
            }
            assertTrue(worst <= 1, "gray value error " + worst + " for type " + g.getType());
        }
    }

    @Test
    void rgb16BitPng() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(256, 256);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int rgb = photo.getRGB(x, y);
                r.setPixel(x, y, new int[]{((rgb >> 16) & 0xFF) * 257, ((rgb >> 8) & 0xFF) * 257, (rgb & 0xFF) * 257});
            }
        }
        BufferedImage img16 = new BufferedImage(cm, r, false, null);
        Path p = write("rgb16.png", TestImages.encode(img16, "png"));
        BufferedImage back = ImageLoader.load(p);
        assertRgb(back);
        assertTrue(meanAbsDiff(photo, back) < 1.0, "16-bit RGB error " + meanAbsDiff(photo, back));
    }

    @Test
    void alphaIsCompositedOnWhite() throws IOException {
        BufferedImage argb = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int rgb = photo.getRGB(x, y) & 0xFFFFFF;
                argb.setRGB(x, y, (x < 128 ? 0 : 0xFF000000) | rgb);
            }
        }
        Path p = write("alpha.png", TestImages.encode(argb, "png"));
        BufferedImage back = ImageLoader.load(p);
        assertRgb(back);
        for (int y = 0; y < 256; y += 7) {
            assertEquals(0xFFFFFF, back.getRGB(3, y) & 0xFFFFFF, "transparent → white");
            assertEquals(photo.getRGB(200, y) & 0xFFFFFF, back.getRGB(200, y) & 0xFFFFFF, "opaque kept");
        }
    }

    /**
     * CMYK (Adobe transform 0) and YCCK (transform 2) JPEGs. A 4-channel raster written by the JPEG writer (which
     * stores raster channels as they are), plus an Adobe APP14 marker inserted by hand: a CMYK/YCCK JPEG as Photoshop
     * writes it (Adobe CMYK samples are stored inverted). CMYK = naive complement of the photo's RGB with K = 0, so
     * after the colour conversion (through a CMYK profile, which is not the naive complement, hence a correlation
     * rather than a pixel bound) the result must still look like the photo.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void cmykAndYcckJpeg(int adobeTransform) throws IOException {
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 256, 256, 4, null);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int rgb = photo.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                // stored inverted: 255 - C = R, 255 - M = G, 255 - Y = B, 255 - K = 255
                if (adobeTransform == 0) {
                    cmyk.setPixel(x, y, new int[]{r, g, b, 255});
                } else {
                    // YCCK: the decoder turns YCC into (r', g', b') and stores C = 255 - r' etc.; so encode 255 - RGB
                    double rr = 255 - r;
                    double gg = 255 - g;
                    double bb = 255 - b;
                    int yy = clamp(0.299 * rr + 0.587 * gg + 0.114 * bb);
                    int cb = clamp(128 - 0.168736 * rr - 0.331264 * gg + 0.5 * bb);
                    int cr = clamp(128 + 0.5 * rr - 0.418688 * gg - 0.081312 * bb);
                    cmyk.setPixel(x, y, new int[]{yy, cb, cr, 255});
                }
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
            w.setOutput(out);
            w.write(null, new IIOImage(cmyk, null, null), w.getDefaultWriteParam());
        } finally {
            w.dispose();
        }
        byte[] plain = bos.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) adobeTransform};
        byte[] written = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, written, 0, 2);
        System.arraycopy(adobe, 0, written, 2, adobe.length);
        System.arraycopy(plain, 2, written, 2 + adobe.length, plain.length - 2);
        assertEquals(4, jpegComponents(written), "the test file really has 4 components");
        assertTrue(new String(written, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Adobe"),
                "the test file has an Adobe APP14 marker");
        Path p = write("cmyk" + adobeTransform + ".jpg", written);
        BufferedImage back = ImageLoader.load(p);
        assertRgb(back);
        double corr = lumaCorrelation(photo, back);
        assertTrue(corr > 0.9, "CMYK/YCCK JPEG decoded unlike its source, correlation " + corr);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Number of components in the JPEG's start-of-frame segment. */
    static int jpegComponents(byte[] j) {
        int i = 2;
        while (i + 4 < j.length) {
            int marker = j[i + 1] & 0xFF;
            int len = ((j[i + 2] & 0xFF) << 8) | (j[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC3) {
                return j[i + 9] & 0xFF;
            }
            i += 2 + len;
        }
        return -1;
    }

    private static double lumaCorrelation(BufferedImage a, BufferedImage b) {
        int n = a.getWidth() * a.getHeight();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = luma(a.getRGB(i % a.getWidth(), i / a.getWidth()));
            y[i] = luma(b.getRGB(i % a.getWidth(), i / a.getWidth()));
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /** 64×32 white image, red 16×16 block at the top-left corner, blue one at the top-right corner. */
    private static BufferedImage markers() {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int c = 0xFFFFFF;
                if (y < 16 && x < 16) {
                    c = 0xFF0000;
                } else if (y < 16 && x >= 48) {
                    c = 0x0000FF;
                }
                img.setRGB(x, y, c);
            }
        }
        return img;
    }

    /** Which corner (0 TL, 1 TR, 2 BR, 3 BL) of an upright image is mostly {@code color}; -1 if none. */
    private static int cornerOf(BufferedImage img, Color color) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[][] at = {{8, 8}, {w - 9, 8}, {w - 9, h - 9}, {8, h - 9}};
        for (int c = 0; c < 4; c++) {
            Color p = new Color(img.getRGB(at[c][0], at[c][1]));
            if (Math.abs(p.getRed() - color.getRed()) < 60 && Math.abs(p.getGreen() - color.getGreen()) < 60
                    && Math.abs(p.getBlue() - color.getBlue()) < 60) {
                return c;
            }
        }
        return -1;
    }

    /**
     * EXIF orientations 1..8 by the standard's words: where the stored image's 0th row / 0th column end up. Stored
     * (0,0) is the red block's corner, stored (w-1,0) the blue block's corner.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationInJpeg(int o) throws IOException {
        //                      o:  1  2  3  4  5  6  7  8
        int[] redCorner = {-1, 0, 1, 2, 3, 0, 1, 2, 3};
        int[] blueCorner = {-1, 1, 0, 3, 2, 3, 2, 1, 0};
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(markers(), 0.95f), o,
                o == 6 ? "2019:05:17 14:03:27" : null);
        Path p = write("orient" + o + ".jpg", jpeg);
        ImageInfo info = ImageLoader.info(p);
        assertEquals(o, info.orientation());
        boolean swap = o >= 5;
        assertEquals(swap ? 32 : 64, info.width());
        assertEquals(swap ? 64 : 32, info.height());
        BufferedImage up = ImageLoader.load(p);
        assertRgb(up);
        assertEquals(info.width(), up.getWidth());
        assertEquals(info.height(), up.getHeight());
        assertEquals(redCorner[o], cornerOf(up, Color.RED), "red (stored 0,0) corner for orientation " + o);
        assertEquals(blueCorner[o], cornerOf(up, Color.BLUE), "blue (stored w-1,0) corner for orientation " + o);
        if (o == 6) {
            assertEquals(LocalDateTime.of(2019, 5, 17, 14, 3, 27), info.taken().orElseThrow());
        }
    }

    @Test
    void truncatedJpegIsRefused() throws IOException {
        byte[] full = Files.readAllBytes(photoPath);
        Path p = write("truncated.jpg", Arrays.copyOf(full, full.length * 6 / 10));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertTrue(e.getMessage().contains("truncated.jpg"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("truncated"), e.getMessage());
        ImageLoadException v = assertThrows(ImageLoadException.class, () -> ImageLoader.verify(p));
        assertTrue(v.getMessage().contains("truncated"), v.getMessage());
        ImageLoader.verify(photoPath); // the intact file passes
    }

    @Test
    void dataAppendedAfterTheImageIsNotTruncation() throws IOException {
        // phones append a video after the JPEG's end-of-image marker ("motion photos")
        byte[] jpeg = Files.readAllBytes(photoPath);
        byte[] withTail = Arrays.copyOf(jpeg, jpeg.length + 20_000);
        new java.util.Random(1).ints(20_000, 0, 256).forEach(new java.util.function.IntConsumer() {
            int i = jpeg.length;

            @Override
            public void accept(int v) {
                withTail[i++] = (byte) (v == 0xFF ? 0 : v);
            }
        });
        Path p = write("motion.jpg", withTail);
        assertEquals(256, ImageLoader.verify(p).width());
        assertEquals(0.0, meanAbsDiff(photo, ImageLoader.load(p)));
    }

    @Test
    void truncatedPngIsRefused() throws IOException {
        byte[] full = TestImages.encode(photo, "png");
        Path p = write("truncated.png", Arrays.copyOf(full, full.length / 2));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertTrue(e.getMessage().contains("truncated.png"), e.getMessage());
        ImageLoadException v = assertThrows(ImageLoadException.class, () -> ImageLoader.verify(p));
        assertTrue(v.getMessage().contains("IEND"), v.getMessage());
    }

    @Test
    void zeroByteFileIsRefused() throws IOException {
        Path p = write("empty.jpg", new byte[0]);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertEquals("empty file (0 bytes)", e.reason());
        assertEquals(p + ": empty file (0 bytes)", e.getMessage());
        assertThrows(ImageLoadException.class, () -> ImageLoader.info(p));
    }

    @Test
    void unknownFormatAndMissingFileAreRefused() throws IOException {
        Path p = write("notes.jpg", "this is not an image\n".getBytes());
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        ImageLoadException m = assertThrows(ImageLoadException.class, () -> ImageLoader.load(tmp.resolve("nope.png")));
        assertTrue(m.getMessage().contains("no such file"), m.getMessage());
    }

    @Test
    void corruptJpegBodyIsRefusedWithoutCrash() throws IOException {
        byte[] bytes = Files.readAllBytes(photoPath);
        for (int i = 700; i < bytes.length - 2; i += 3) {
            bytes[i] = (byte) 0xFF; // markers everywhere in the entropy-coded data
        }
        Path p = write("corrupt.jpg", bytes);
        assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() throws IOException {
        Path p = write("bomb.png", TestImages.pngHeaderOnly(100_000, 100_000));
        // 10^10 pixels: decoding would need 40 GB; only refusing from the header avoids an OutOfMemoryError.
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertTrue(e.getMessage().contains("bomb.png") && e.getMessage().contains("100000x100000"), e.getMessage());
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
        assertThrows(ImageLoadException.class, () -> ImageLoader.info(p));
        // the limit is configurable
        Path small = write("small.png", TestImages.encode(photo, "png"));
        assertThrows(ImageLoadException.class, () -> ImageLoader.load(small, 256 * 255));
        assertEquals(256, ImageLoader.load(small, 256 * 256).getWidth());
    }
}
