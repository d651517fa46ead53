package org.sketchfind.engine.index;

import org.sketchfind.engine.TestData;
import org.sketchfind.engine.data.FileSha256;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Real photos from src-test-data/sketchy/photo, copied or varied into test folders; folder snapshots. */
final class PhotoFixtures {
    private PhotoFixtures() {
    }

    /** The real Sketchy photos of src-test-data, sorted by path. */
    static List<Path> sources() {
        try (Stream<Path> s = Files.walk(TestData.path("sketchy", "photo"))) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the first {@code n} real photos into {@code dir} (created), as photo-00.jpg, photo-01.jpg... */
    static List<Path> copy(Path dir, int n) throws IOException {
        return copy(dir, n, 0, "photo-");
    }

    static List<Path> copy(Path dir, int n, int firstSource, String prefix) throws IOException {
        Files.createDirectories(dir);
        List<Path> src = sources();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path dst = dir.resolve(String.format("%s%02d.jpg", prefix, i));
            Files.copy(src.get((firstSource + i) % src.size()), dst);
            out.add(dst);
        }
        return out;
    }

    /** Writes a real photo with one pixel changed (variant {@code k}), so its content hash is new. */
    static void variant(Path source, Path dst, int k, String format) throws IOException {
        BufferedImage img = ImageIO.read(source.toFile());
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        int x = k % rgb.getWidth();
        int y = (k / rgb.getWidth()) % rgb.getHeight();
        rgb.setRGB(x, y, rgb.getRGB(x, y) ^ 0x00FFFFFF);
        Files.createDirectories(dst.getParent());
        if (!ImageIO.write(rgb, format, dst.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }

    /** A valid PNG header whose IHDR declares {@code w}×{@code h} (correct CRC), followed by a tiny IDAT: a
     * decompression bomb as far as the declared size is concerned. */
    static byte[] hugeDeclaredPng(int w, int h) throws IOException {
        BufferedImage small = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        ImageIO.write(small, "png", bos);
        byte[] png = bos.toByteArray();
        // signature (8) + length (4) + "IHDR" (4) + data (13) + crc (4)
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, w);
        b.putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /** Every file under {@code dir} (relative path → size, mtime, SHA-256), for "nothing was written here". */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link->" + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    m.put(rel, Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " "
                            + (Files.isReadable(p) ? FileSha256.hex(p) : "unreadable"));
                } else {
                    m.put(rel, "dir " + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return m;
    }

    /** An encoder wrapping the real dHash that counts images encoded, with a settable model id. */
    static final class CountingEncoder implements PhotoEncoder {
        private final String id;
        private final AverageHashEncoder inner = new AverageHashEncoder();
        volatile int images;
        volatile int calls;

        CountingEncoder(String id) {
            this.id = id;
        }

        CountingEncoder() {
            this(AverageHashEncoder.MODEL_ID);
        }

        @Override
        public String modelId() {
            return id;
        }

        @Override
        public int bits() {
            return 64;
        }

        @Override
        public synchronized List<long[]> encode(List<BufferedImage> photos) {
            calls++;
            images += photos.size();
            List<long[]> codes = inner.encode(photos);
            if (!id.equals(AverageHashEncoder.MODEL_ID)) {
                // another "model": a different, still deterministic function of the image
                codes = codes.stream().map(c -> new long[] {Long.reverse(c[0]) ^ 0x5555_5555_5555_5555L}).toList();
            }
            return codes;
        }

        int takeImages() {
            int n = images;
            images = 0;
            return n;
        }
    }
}
