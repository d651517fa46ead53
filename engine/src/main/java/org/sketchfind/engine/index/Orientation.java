package org.sketchfind.engine.index;

import java.awt.image.BufferedImage;

/**
 * EXIF orientation (tag 0x0112, values 1..8) applied to pixels, for decoders that do not orient their output
 * ({@link DecodedImage#oriented()} false). 1 upright; 2 mirrored left-right; 3 rotated 180°; 4 mirrored top-bottom;
 * 5 transposed; 6 needs a 90° clockwise turn; 7 transversed; 8 needs a 90° counter-clockwise turn.
 */
final class Orientation {
    private Orientation() {
    }

    /** The upright image (a new one unless {@code orientation} is 1 or unknown). Output is TYPE_INT_RGB. */
    static BufferedImage apply(BufferedImage src, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        int dw = dst.getWidth();
        int dh = dst.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[dw * dh];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[y * dw + x] = in[sy * w + sx];
            }
        }
        dst.setRGB(0, 0, dw, dh, out, 0, dw);
        return dst;
    }
}
