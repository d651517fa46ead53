package org.sketchfind.engine.index;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A model-free perceptual hash (difference hash, "dHash"): the photo reduced to 9×8 gray pixels, bit
 * {@code 8·row + col} = 1 iff pixel (col, row) is brighter than pixel (col + 1, row). 64 bits, deterministic,
 * robust to scaling and small re-encodings, a few microseconds per image. It stands in for a learnt encoder
 * until one is active and serves the catalogue's tests; it carries no semantics (it finds near-duplicates, not
 * "things that look like this sketch").
 *
 * <p>Test hook: the system property {@value #SLEEP_PROPERTY} (milliseconds) makes every {@link #encode} call sleep
 * that long, so a test can catch an indexing process reliably mid-scan.
 */
public final class AverageHashEncoder implements PhotoEncoder {
    /** System property: milliseconds to sleep per encoded batch (tests only; 0 by default). */
    public static final String SLEEP_PROPERTY = "sketchfind.encoder.sleepMsPerBatch";
    public static final String MODEL_ID = "dhash-64-v1";

    private final long sleepMs = Long.getLong(SLEEP_PROPERTY, 0L);

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int bits() {
        return 64;
    }

    @Override
    public List<long[]> encode(List<BufferedImage> photos) {
        if (sleepMs > 0) {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<long[]> codes = new ArrayList<>(photos.size());
        for (BufferedImage photo : photos) {
            codes.add(new long[] {hash(photo)});
        }
        return codes;
    }

    /** dHash of one image. */
    public static long hash(BufferedImage image) {
        BufferedImage small = new BufferedImage(9, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(shrink(image, 72), 0, 0, 9, 8, null);
        } finally {
            g.dispose();
        }
        int[] gray = new int[72];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 9; x++) {
                int rgb = small.getRGB(x, y);
                gray[y * 9 + x] = (299 * (rgb >>> 16 & 0xFF) + 587 * (rgb >>> 8 & 0xFF) + 114 * (rgb & 0xFF));
            }
        }
        long h = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (gray[y * 9 + x] > gray[y * 9 + x + 1]) {
                    h |= 1L << (y * 8 + x);
                }
            }
        }
        return h;
    }

    /** Halves the image until its longer side is below {@code 2·target} (box filtering against aliasing). */
    private static BufferedImage shrink(BufferedImage image, int target) {
        BufferedImage cur = image;
        while (Math.max(cur.getWidth(), cur.getHeight()) >= 2 * target) {
            int w = Math.max(1, cur.getWidth() / 2);
            int h = Math.max(1, cur.getHeight() / 2);
            BufferedImage half = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, w, h, null);
            g.dispose();
            cur = half;
        }
        return cur;
    }
}
