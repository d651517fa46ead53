package org.sketchfind.app.kit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exports of views: a node as PNG (the snapshot is taken on the FX thread, the file written in the background) and
 * rows as CSV (written in the background). Results come back on the FX thread.
 */
public final class Exports {
    private Exports() {
    }

    /** Snapshots {@code node} now and writes it to {@code file} as PNG. */
    public static void png(Node node, Path file, Background io, Consumer<Path> done, Consumer<Throwable> failed) {
        WritableImage img = node.snapshot(null, null);
        png(img, file, io, done, failed);
    }

    public static void png(WritableImage img, Path file, Background io, Consumer<Path> done,
                           Consumer<Throwable> failed) {
        BufferedImage buffered = SwingFXUtils.fromFXImage(img, null);
        io.call(() -> {
            if (!ImageIO.write(buffered, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return file;
        }, done, failed);
    }

    /** Writes a header and rows of cells as CSV (cells quoted where needed). */
    public static void csv(Path file, List<String> header, List<List<Object>> rows, Background io,
                           Consumer<Path> done, Consumer<Throwable> failed) {
        io.call(() -> {
            StringBuilder sb = new StringBuilder();
            line(sb, header.stream().map(h -> (Object) h).toList());
            for (List<Object> r : rows) {
                line(sb, r);
            }
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            return file;
        }, done, failed);
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : c instanceof Double d ? (Double.isFinite(d) ? Double.toString(d) : "")
                    : c.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            sb.append(s);
        }
        sb.append('\n');
    }

    /** {@code name} with the extension {@code ext} (".png") unless it already ends with it. */
    public static Path withExtension(Path file, String ext) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? file
                : file.resolveSibling(file.getFileName() + ext);
    }
}
