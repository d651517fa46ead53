package org.sketchfind.engine.data;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;

/** Builders of test images in formats and shapes no writer on the class path produces directly. */
final class TestImages {
    private TestImages() {
    }

    /** A baseline JPEG of {@code img} at the given quality (0..1). */
    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = it.next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bos.toByteArray();
    }

    /** {@code img} encoded by the ImageIO writer of {@code format}. */
    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, bos)) {
            throw new IOException("no ImageIO writer for " + format + " and image type " + img.getType());
        }
        return bos.toByteArray();
    }

    /**
     * Inserts after SOI (and after a JFIF APP0, if any) a minimal EXIF APP1 segment with Orientation = {@code o}
     * and, if {@code dateTimeOriginal} is not null ("yyyy:MM:dd HH:mm:ss"), an EXIF sub-IFD holding it.
     */
    static byte[] withExif(byte[] jpeg, int o, String dateTimeOriginal) {
        ByteBuffer tiff = ByteBuffer.allocate(128); // big-endian "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        boolean date = dateTimeOriginal != null;
        tiff.putShort((short) (date ? 2 : 1));
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) o).putShort((short) 0);
        int subIfd = 8 + 2 + 2 * 12 + 4;
        if (date) {
            tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(subIfd);
        }
        tiff.putInt(0);
        if (date) {
            int strAt = subIfd + 2 + 12 + 4;
            tiff.putShort((short) 1);
            tiff.putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(strAt);
            tiff.putInt(0);
            byte[] s = dateTimeOriginal.getBytes(StandardCharsets.US_ASCII);
            tiff.put(s).put((byte) 0);
        }
        int tiffLen = tiff.position();
        int segLen = 2 + 6 + tiffLen;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) { // skip JFIF APP0
            insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        out.write(jpeg, 0, insertAt);
        out.write(0xFF);
        out.write(0xE1);
        out.write(segLen >> 8);
        out.write(segLen & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.write(tiff.array(), 0, tiffLen);
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }

    /** A PNG whose IHDR declares {@code w}×{@code h} RGB pixels (valid CRCs), with a tiny IDAT and IEND. */
    static byte[] pngHeaderOnly(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A lossless WebP (VP8L) of {@code img} (opaque), written with fixed 8-bit prefix codes: no transforms, no colour
     * cache, no backward references. No WebP writer is on the class path, and the format is simple enough to emit.
     */
    static byte[] webpLossless(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BitWriter bw = new BitWriter();
        bw.put(0x2f, 8);
        bw.put(w - 1, 14);
        bw.put(h - 1, 14);
        bw.put(0, 1); // alpha not used
        bw.put(0, 3); // version
        bw.put(0, 1); // no transform
        bw.put(0, 1); // no colour cache
        bw.put(0, 1); // no meta prefix codes
        fixed8Code(bw, 280); // green + length codes
        fixed8Code(bw, 256); // red
        fixed8Code(bw, 256); // blue
        // alpha: simple code, one 8-bit symbol 255 (no bits per pixel)
        bw.put(1, 1);
        bw.put(0, 1);
        bw.put(1, 1);
        bw.put(255, 8);
        // distance: simple code, one 1-bit symbol 0
        bw.put(1, 1);
        bw.put(0, 1);
        bw.put(0, 1);
        bw.put(0, 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                putCode8(bw, (rgb >> 8) & 0xFF);
                putCode8(bw, (rgb >> 16) & 0xFF);
                putCode8(bw, rgb & 0xFF);
            }
        }
        byte[] vp8l = bw.bytes();
        int pad = vp8l.length & 1;
        ByteBuffer riff = ByteBuffer.allocate(20 + vp8l.length + pad).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + vp8l.length + pad);
        riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length);
        riff.put(vp8l);
        return riff.array();
    }

    /** A normal prefix code giving symbols 0..255 length 8 and the rest length 0. */
    private static void fixed8Code(BitWriter bw, int alphabet) {
        bw.put(0, 1); // not simple
        bw.put(12 - 4, 4); // 12 code-length-code lengths, order 17,18,0,1,2,3,4,5,16,6,7,8
        int[] lengths = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1}; // symbols "0" and "8" of length 1
        for (int l : lengths) {
            bw.put(l, 3);
        }
        bw.put(0, 1); // max_symbol = alphabet size
        for (int s = 0; s < alphabet; s++) {
            bw.put(s < 256 ? 1 : 0, 1); // code 1 = length 8, code 0 = length 0
        }
    }

    /** Canonical 8-bit code of symbol s is s; prefix codes are read MSB first. */
    private static void putCode8(BitWriter bw, int s) {
        for (int b = 7; b >= 0; b--) {
            bw.put((s >> b) & 1, 1);
        }
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int n;

        void put(int value, int bits) {
            acc |= ((long) value & ((1L << bits) - 1)) << n;
            n += bits;
            while (n >= 8) {
                out.write((int) (acc & 0xFF));
                acc >>>= 8;
                n -= 8;
            }
        }

        byte[] bytes() {
            if (n > 0) {
                out.write((int) (acc & 0xFF));
                acc = 0;
                n = 0;
            }
            return out.toByteArray();
        }
    }
}
