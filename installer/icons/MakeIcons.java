import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws Sketchfind's icon (a stroke being sketched inside a magnifying glass) and writes it in the three forms the
 * installers take: {@code sketchfind.png} (Linux, 256 px), {@code sketchfind.ico} (Windows: PNG images of 16–256 px)
 * and {@code sketchfind.icns} (macOS: PNG images of 16–1024 px). Reproducible: the same files every run.
 * Run from the repository root: {@code java installer/icons/MakeIcons.java installer/icons}.
 */
public final class MakeIcons {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(dir.resolve("sketchfind.png"), png(draw(256)));
        int[] icoSizes = {16, 24, 32, 48, 64, 128, 256};
        List<byte[]> ico = new ArrayList<>();
        for (int s : icoSizes) {
            ico.add(png(draw(s)));
        }
        Files.write(dir.resolve("sketchfind.ico"), ico(icoSizes, ico));
        // icns types holding PNG data: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024
        String[] types = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {16, 32, 64, 128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] p = png(draw(sizes[i]));
            b.writeBytes(types[i]);
            b.writeInt(8 + p.length);
            b.write(p);
        }
        ByteArrayOutputStream icns = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(icns);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        Files.write(dir.resolve("sketchfind.icns"), icns.toByteArray());
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B82F6), 256, 256, new Color(0x1E3A8A)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // the sketched stroke: a cat-ear-like zigzag, as if drawn with a pen
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D s = new Path2D.Double();
        s.moveTo(58, 150);
        s.curveTo(62, 110, 70, 86, 82, 64);
        s.lineTo(104, 98);
        s.curveTo(116, 94, 128, 94, 140, 98);
        s.lineTo(162, 64);
        s.curveTo(174, 86, 180, 110, 184, 138);
        g.draw(s);
        // the magnifying glass over it
        g.setColor(new Color(0xFBBF24));
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(112, 120, 74, 74));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(180, 188, 210, 218);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An ICO file whose images are PNGs (read by Windows Vista and later). */
    static byte[] ico(int[] sizes, List<byte[]> pngs) {
        int header = 6 + 16 * sizes.length;
        int total = header + pngs.stream().mapToInt(p -> p.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header;
        for (int i = 0; i < sizes.length; i++) {
            buf.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]));
            buf.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            buf.putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        for (byte[] p : pngs) {
            buf.put(p);
        }
        return buf.array();
    }
}
