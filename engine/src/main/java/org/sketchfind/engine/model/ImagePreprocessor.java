package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.util.List;
import java.util.Objects;

/**
 * Turns a decoded image into the backbone's input: a float32 {@code [3,224,224]} tensor (CHW, RGB), scaled to [0,1]
 * and normalised per channel with the ImageNet mean (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224,
 * 0.225) the SqueezeNet weights were trained with.
 *
 * <p><b>Photos</b> ({@link Mode#PHOTO}) follow the standard ImageNet evaluation transform: resize so the short side
 * is 256 pixels (the long side rounded to keep the aspect ratio), then take the centre 224×224 crop (offset
 * {@code round((side - 224) / 2)}, as torchvision does).
 *
 * <p><b>Sketches</b> ({@link Mode#SKETCH}) must not lose strokes to a crop: a non-square sketch is first padded to a
 * square with white (centred), then the whole square is resized to 224×224. A gray sketch enters as three equal
 * channels; an RGB sketch is used as it is. (Measured on the 25 unseen Sketchy classes, ImageNet features + cosine:
 * mAP@all 0.106 with this transform, 0.117 with {@link Mode#PHOTO} applied to the 256×256 Sketchy sketches, whose
 * white margins the crop only trims; see docs/backbone.md.)
 *
 * <p><b>Ink</b>: a sketch's grey levels are first stretched so its darkest pixel is black and its lightest white
 * ({@link #stretchInk}; PIL's {@code ImageOps.autocontrast} without cut-off). TU-Berlin's drawings, and many scanned or
 * exported sketches, have grey strokes (median darkest pixel 55 of 255 in the shared data); Sketchy's training sketches
 * and the rasterizer's drawings are already full-range, so they are unchanged. Chosen by rule R5 on held-out seen
 * classes (docs/zsih-model-and-training.md, "Rendering drawings"): TU-Berlin queries 0.3916 → 0.4033 mAP, Sketchy
 * queries unchanged.
 *
 * <p><b>Resampling</b> is separable bilinear with an antialiasing (triangle) filter whose support widens with the
 * reduction factor, the same filter PIL's {@code BILINEAR} resize uses (and hence the torchvision pipeline the
 * ImageNet weights were evaluated with): every source pixel contributes when shrinking, so thin sketch strokes and
 * photo detail do not alias as they would with plain point-sampled bilinear interpolation.
 *
 * <p><b>Pixels</b>: 8-bit gray (and 16-bit gray, scaled by 1/65535) rasters are read directly, without Java2D's
 * linear-gray colour conversion; every other type goes through {@link BufferedImage#getRGB} (sRGB). Transparent
 * pixels are composited onto white, so a sketch with a transparent background reads as black strokes on white.
 * EXIF orientation is not this class's job: pass an already oriented image (the data layer's image loader does that).
 */
public final class ImagePreprocessor {
    /** Side of the network input. */
    public static final int SIZE = 224;
    /** Short side a photo is resized to before the centre crop. */
    public static final int RESIZE = 256;
    /** ImageNet channel means (RGB), on the [0,1] scale. */
    public static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet channel standard deviations (RGB), on the [0,1] scale. */
    public static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** How an image is brought to 224×224. */
    public enum Mode {
        /** Short side to 256, centre crop 224×224. */
        PHOTO("PHOTO"),
        /** Stretch the ink to full range, pad to a white square, resize the whole image to 224×224. */
        SKETCH("SKETCH+ink-stretch");

        private final String cacheTag;

        Mode(String cacheTag) {
            this.cacheTag = cacheTag;
        }

        /**
         * Names this transform in feature-cache indexes: it changes whenever the transform does, so caches built by an
         * earlier transform are rebuilt rather than read.
         */
        public String cacheTag() {
            return cacheTag;
        }
    }

    private ImagePreprocessor() {
    }

    /** A photo as a normalised [3,224,224] float32 INDArray. */
    public static INDArray photo(BufferedImage image) {
        return toINDArray(chw(image, Mode.PHOTO));
    }

    /** A sketch as a normalised [3,224,224] float32 INDArray. */
    public static INDArray sketch(BufferedImage image) {
        return toINDArray(chw(image, Mode.SKETCH));
    }

    /** The normalised input as a [3,224,224] INDArray. */
    public static INDArray preprocess(BufferedImage image, Mode mode) {
        return toINDArray(chw(image, mode));
    }

    /** Stacks the images into one normalised [N,3,224,224] float32 batch. */
    public static INDArray batch(List<BufferedImage> images, Mode mode) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        return Nd4j.create(batchArray(images, mode), new long[]{images.size(), 3, SIZE, SIZE}, DataType.FLOAT);
    }

    /**
     * The images as one normalised [N,3,224,224] float array in C order, the backbone's input. Images are
     * preprocessed in parallel (each independently), so a batch costs about one image's time per core.
     */
    public static float[] batchArray(List<BufferedImage> images, Mode mode) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        int per = 3 * SIZE * SIZE;
        float[] all = new float[Math.multiplyExact(images.size(), per)];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, images.size());
        (images.size() > 1 ? range.parallel() : range)
                .forEach(i -> System.arraycopy(chw(images.get(i), mode), 0, all, i * per, per));
        return all;
    }

    /** Stacks [3,H,W] tensors (e.g. from {@link #photo}) into one [N,3,H,W] batch. */
    public static INDArray stack(List<INDArray> chwTensors) {
        if (chwTensors.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        INDArray[] parts = new INDArray[chwTensors.size()];
        for (int i = 0; i < parts.length; i++) {
            INDArray t = chwTensors.get(i);
            if (t.rank() != 3) {
                throw new IllegalArgumentException("item " + i + " is not a [3,H,W] tensor");
            }
            parts[i] = t.reshape(1, t.size(0), t.size(1), t.size(2));
        }
        return Nd4j.concat(0, parts);
    }

    /** The normalised input as a flat CHW float array of length 3×224×224 (R plane, G plane, B plane). */
    public static float[] chw(BufferedImage image, Mode mode) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mode, "mode");
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new IllegalArgumentException("empty image");
        }
        float[][] rgb = readRgb(image);
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] out = new float[3][];
        if (mode == Mode.PHOTO) {
            int nw;
            int nh;
            if (w <= h) {
                nw = RESIZE;
                nh = Math.max(RESIZE, (int) Math.round((double) h * RESIZE / w));
            } else {
                nh = RESIZE;
                nw = Math.max(RESIZE, (int) Math.round((double) w * RESIZE / h));
            }
            int x0 = (int) Math.round((nw - SIZE) / 2.0);
            int y0 = (int) Math.round((nh - SIZE) / 2.0);
            for (int c = 0; c < 3; c++) {
                out[c] = resizeCrop(rgb[c], w, h, nw, nh, x0, y0, SIZE, SIZE);
            }
        } else {
            stretchInk(rgb);
            int side = Math.max(w, h);
            float[][] sq = rgb;
            if (w != h) {
                sq = new float[3][side * side];
                int ox = (side - w) / 2;
                int oy = (side - h) / 2;
                for (int c = 0; c < 3; c++) {
                    java.util.Arrays.fill(sq[c], 1f);
                    for (int y = 0; y < h; y++) {
                        System.arraycopy(rgb[c], y * w, sq[c], (y + oy) * side + ox, w);
                    }
                }
            }
            for (int c = 0; c < 3; c++) {
                out[c] = resizeCrop(sq[c], side, side, SIZE, SIZE, 0, 0, SIZE, SIZE);
            }
        }
        int plane = SIZE * SIZE;
        float[] result = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            float m = MEAN[c];
            float s = STD[c];
            float[] src = out[c];
            for (int i = 0; i < plane; i++) {
                result[c * plane + i] = (src[i] - m) / s;
            }
        }
        return result;
    }

    /**
     * Stretches the planes' values in place so the darkest becomes 0 and the lightest 1 (one linear map for all three
     * planes, so colours keep their hue). A blank or single-valued image is left as it is.
     */
    static void stretchInk(float[][] planes) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] p : planes) {
            for (float v : p) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi - lo >= 1f / 255f) || (lo <= 0f && hi >= 1f)) {
            return;
        }
        float scale = 1f / (hi - lo);
        for (float[] p : planes) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (p[i] - lo) * scale;
            }
        }
    }

    private static INDArray toINDArray(float[] chw) {
        return Nd4j.create(chw, new long[]{3, SIZE, SIZE}, DataType.FLOAT);
    }

    /** R, G, B planes in [0,1], row-major, transparent pixels composited onto white. */
    static float[][] readRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = Math.multiplyExact(w, h);
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        boolean gray = cm.getNumComponents() == 1 && raster.getNumBands() == 1
                && cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && (raster.getTransferType() == DataBuffer.TYPE_BYTE || raster.getTransferType() == DataBuffer.TYPE_USHORT);
        if (gray) {
            float scale = raster.getTransferType() == DataBuffer.TYPE_BYTE ? 1f / 255f : 1f / 65535f;
            float[] g = new float[n];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    g[y * w + x] = row[x] * scale;
                }
            }
            return new float[][]{g, g.clone(), g.clone()};
        }
        float[] r = new float[n];
        float[] gr = new float[n];
        float[] b = new float[n];
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                && raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * w
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && bytes.getNumBanks() == 1 && bytes.getOffset() == 0) {
            // what decoded JPEGs are: read the bytes directly instead of one getRGB colour conversion per pixel
            byte[] d = bytes.getData();
            for (int i = 0, j = 0; i < n; i++, j += 3) {
                b[i] = (d[j] & 0xFF) / 255f;
                gr[i] = (d[j + 1] & 0xFF) / 255f;
                r[i] = (d[j + 2] & 0xFF) / 255f;
            }
            return new float[][]{r, gr, b};
        }
        int[] row = new int[w];
        boolean alpha = cm.hasAlpha();
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                float rr = ((p >>> 16) & 0xFF) / 255f;
                float gg = ((p >>> 8) & 0xFF) / 255f;
                float bb = (p & 0xFF) / 255f;
                if (alpha) {
                    float a = ((p >>> 24) & 0xFF) / 255f;
                    rr = rr * a + (1 - a);
                    gg = gg * a + (1 - a);
                    bb = bb * a + (1 - a);
                }
                int i = y * w + x;
                r[i] = rr;
                gr[i] = gg;
                b[i] = bb;
            }
        }
        return new float[][]{r, gr, b};
    }

    /**
     * Resizes a {@code w×h} plane to {@code nw×nh} with an antialiased triangle filter and returns the
     * {@code cw×ch} window at ({@code x0}, {@code y0}) of the result. Only the needed rows and columns are computed.
     */
    static float[] resizeCrop(float[] src, int w, int h, int nw, int nh, int x0, int y0, int cw, int ch) {
        if (w == nw && h == nh) {
            // no resize: the filter's taps are (0, 1, 0), so this is the crop itself (same values, ~10× faster)
            float[] out = new float[ch * cw];
            for (int y = 0; y < ch; y++) {
                System.arraycopy(src, (y + y0) * w + x0, out, y * cw, cw);
            }
            return out;
        }
        Weights wx = weights(w, nw, x0, cw);
        Weights wy = weights(h, nh, y0, ch);
        // horizontal pass over every source row: h × cw
        float[] tmp = new float[h * cw];
        for (int y = 0; y < h; y++) {
            int rowOff = y * w;
            for (int x = 0; x < cw; x++) {
                double acc = 0;
                int start = wx.start[x];
                double[] k = wx.k[x];
                for (int t = 0; t < k.length; t++) {
                    acc += k[t] * src[rowOff + start + t];
                }
                tmp[y * cw + x] = (float) acc;
            }
        }
        // vertical pass: ch × cw
        float[] out = new float[ch * cw];
        for (int y = 0; y < ch; y++) {
            int start = wy.start[y];
            double[] k = wy.k[y];
            for (int x = 0; x < cw; x++) {
                double acc = 0;
                for (int t = 0; t < k.length; t++) {
                    acc += k[t] * tmp[(start + t) * cw + x];
                }
                out[y * cw + x] = (float) Math.min(1.0, Math.max(0.0, acc));
            }
        }
        return out;
    }

    private record Weights(int[] start, double[][] k) {
    }

    /**
     * PIL-style antialiased bilinear weights for output pixels {@code off .. off+count-1} of a resize from
     * {@code in} to {@code out} samples: triangle filter of radius {@code max(in/out, 1)} around the source
     * position {@code (i + 0.5) * in / out}, normalised to sum 1, clipped at the borders.
     */
    private static Weights weights(int in, int out, int off, int count) {
        double scale = (double) in / out;
        double support = Math.max(scale, 1.0);
        int[] start = new int[count];
        double[][] k = new double[count][];
        for (int j = 0; j < count; j++) {
            int i = j + off;
            double centre = (i + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - support));
            int hi = Math.min(in, (int) Math.ceil(centre + support));
            double[] ws = new double[Math.max(1, hi - lo)];
            double sum = 0;
            for (int s = lo; s < hi; s++) {
                double d = Math.abs((s + 0.5 - centre) / support);
                double v = d < 1 ? 1 - d : 0;
                ws[s - lo] = v;
                sum += v;
            }
            if (sum <= 0) {
                ws = new double[]{1};
                lo = Math.min(in - 1, Math.max(0, (int) Math.floor(centre)));
                sum = 1;
            }
            for (int t = 0; t < ws.length; t++) {
                ws[t] /= sum;
            }
            start[j] = lo;
            k[j] = ws;
        }
        return new Weights(start, k);
    }
}
