package org.sketchfind.engine.index;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.UUID;

/**
 * The thumbnail cache in the data folder: one JPEG per distinct content, at most {@code size} pixels on its longer
 * side, named {@code <first two hex digits>/<sha-256>.jpg} (duplicates share one). A thumbnail is written to a temp
 * file in the same folder and atomically renamed, so a reader (or a kill) never sees half a file; an orphan left
 * by a kill before its batch committed is harmless and is pruned by the next complete scan.
 */
final class Thumbnails {
    private final Path dir;
    private final int size;

    Thumbnails(Path dir, int size) {
        this.dir = dir;
        this.size = size;
    }

    static String name(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256 + ".jpg";
    }

    boolean exists(String name) {
        return name != null && Files.isRegularFile(dir.resolve(name));
    }

    /** Writes the thumbnail of {@code image} for content {@code sha256} unless it exists; returns its name. */
    String write(String sha256, BufferedImage image) throws IOException {
        String name = name(sha256);
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return name;
        }
        Files.createDirectories(target.getParent());
        BufferedImage thumb = scaleRgb(image, size);
        Path tmp = target.resolveSibling(sha256 + "." + UUID.randomUUID() + ".tmp");
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.85f);
                writer.write(null, new IIOImage(thumb, null, null), p);
            } finally {
                writer.dispose();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return name;
    }

    /** Deletes thumbnails no row references and temp files left by a kill. Returns how many files went. */
    int prune(Set<String> referenced) throws IOException {
        int n = 0;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> subs = Files.newDirectoryStream(dir)) {
            for (Path sub : subs) {
                if (!Files.isDirectory(sub)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
                    for (Path f : files) {
                        String rel = sub.getFileName() + "/" + f.getFileName();
                        if (f.getFileName().toString().endsWith(".tmp") || !referenced.contains(rel)) {
                            Files.deleteIfExists(f);
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Scales to at most {@code max} pixels on the longer side (never up), opaque RGB on white. */
    static BufferedImage scaleRgb(BufferedImage src, int max) {
        int w = src.getWidth();
        int h = src.getHeight();
        double s = Math.min(1.0, (double) max / Math.max(w, h));
        BufferedImage cur = src;
        // halve first (box-like) to avoid aliasing on big photos, then one bilinear step
        while (cur.getWidth() * s < cur.getWidth() / 2.0 && cur.getWidth() > 1 && cur.getHeight() > 1) {
            cur = draw(cur, Math.max(1, cur.getWidth() / 2), Math.max(1, cur.getHeight() / 2));
            s = Math.min(1.0, (double) max / Math.max(cur.getWidth(), cur.getHeight()));
        }
        int tw = Math.max(1, (int) Math.round(cur.getWidth() * s));
        int th = Math.max(1, (int) Math.round(cur.getHeight() * s));
        return draw(cur, tw, th);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
