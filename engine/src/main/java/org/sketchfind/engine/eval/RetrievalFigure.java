package org.sketchfind.engine.eval;

import org.sketchfind.engine.data.ImageLoader;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A picture like the paper's Fig. 4: one row per query sketch, the sketch, then its top-ranked gallery photos, each
 * framed green when it is of the sketch's class and red when not, with the class name under the sketch and the
 * rank and distance in bits under each photo (the Hamming distance, or for the real-valued ranking
 * {@code CosineScore#distance}).
 */
public final class RetrievalFigure {
    /** One row: the query sketch file, its class, and the ranked photos (file, class, distance), best first. */
    public record Row(Path sketch, String className, List<Hit> hits) {
    }

    /** A ranked photo. */
    public record Hit(Path photo, String className, int distance) {
    }

    private static final int CELL = 112;
    private static final int PAD = 6;
    private static final int LABEL = 16;

    private RetrievalFigure() {
    }

    /** Renders {@code rows} into a PNG at {@code out}, the title above them. */
    public static void write(Path out, String title, List<Row> rows) throws IOException {
        int cols = 1 + rows.stream().mapToInt(r -> r.hits().size()).max().orElse(0);
        int titleH = 28;
        int w = PAD + cols * (CELL + PAD) + PAD;
        int h = titleH + rows.size() * (CELL + LABEL + PAD) + PAD;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, PAD, 19);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int y = titleH + r * (CELL + LABEL + PAD);
                draw(g, ImageLoader.load(row.sketch()), PAD, y, new Color(0x44, 0x44, 0x44));
                g.setColor(Color.BLACK);
                g.drawString(row.className(), PAD, y + CELL + 12);
                for (int k = 0; k < row.hits().size(); k++) {
                    Hit hit = row.hits().get(k);
                    boolean right = hit.className().equals(row.className());
                    int x = PAD + (k + 1) * (CELL + PAD);
                    draw(g, ImageLoader.load(hit.photo()), x, y, right ? new Color(0x1b, 0x9e, 0x3e)
                            : new Color(0xd0, 0x2f, 0x2f));
                    g.setColor(Color.DARK_GRAY);
                    g.drawString("#" + (k + 1) + "  d=" + hit.distance() + (right ? "  ✓" : ""), x, y + CELL + 12);
                }
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        javax.imageio.ImageIO.write(img, "png", out.toFile());
    }

    /** The image fitted into a CELL×CELL square (aspect kept, centred) with a 3-pixel frame. */
    private static void draw(Graphics2D g, BufferedImage src, int x, int y, Color frame) {
        double s = Math.min((double) (CELL - 6) / src.getWidth(), (double) (CELL - 6) / src.getHeight());
        int dw = (int) Math.round(src.getWidth() * s);
        int dh = (int) Math.round(src.getHeight() * s);
        g.setColor(Color.WHITE);
        g.fillRect(x, y, CELL, CELL);
        g.drawImage(src, x + (CELL - dw) / 2, y + (CELL - dh) / 2, dw, dh, null);
        g.setColor(frame);
        g.setStroke(new BasicStroke(3f));
        g.drawRect(x + 1, y + 1, CELL - 3, CELL - 3);
    }
}
