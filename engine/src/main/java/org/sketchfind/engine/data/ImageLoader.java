package org.sketchfind.engine.data;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads photos and sketches of every format the engine reads (JPEG incl. CMYK/YCCK through TwelveMonkeys, PNG incl.
 * 16-bit, gray and alpha, GIF, BMP, TIFF, WebP) into one shape: an sRGB {@link BufferedImage#TYPE_INT_RGB} image,
 * transparent parts composited on white, turned upright by its EXIF orientation.
 * <p>
 * Guards: the declared width × height is read from the decoder's header before any pixel is decoded and refused when
 * above a limit ({@link #DEFAULT_MAX_PIXELS}, or the system property {@value #MAX_PIXELS_PROPERTY}); missing, empty,
 * truncated, corrupt and unknown-format files are refused. Every refusal is an {@link ImageLoadException} that names
 * the file and the cause.
 */
public final class ImageLoader {
    /** 100 megapixels (a 400 MB RGB raster). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** System property overriding {@link #DEFAULT_MAX_PIXELS}. */
    public static final String MAX_PIXELS_PROPERTY = "sketchfind.image.maxPixels";

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private ImageLoader() {
    }

    /** The pixel limit in force: the system property if set and valid, else {@link #DEFAULT_MAX_PIXELS}. */
    public static long maxPixels() {
        String p = System.getProperty(MAX_PIXELS_PROPERTY);
        if (p != null) {
            try {
                long v = Long.parseLong(p.trim());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return DEFAULT_MAX_PIXELS;
    }

    /** {@link #load(Path, long)} with {@link #maxPixels()}. */
    public static BufferedImage load(Path file) throws ImageLoadException {
        return load(file, maxPixels());
    }

    /**
     * Decodes {@code file} into an upright sRGB {@code TYPE_INT_RGB} image.
     *
     * @param maxPixels refuse images whose declared width × height exceeds this
     * @throws ImageLoadException naming the file and the cause, for any file that cannot or must not be decoded
     */
    public static BufferedImage load(Path file, long maxPixels) throws ImageLoadException {
        checkFile(file);
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkSize(file, w, h, maxPixels);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                decoded = reader.read(0);
                for (String warning : warnings) {
                    if (isCorruption(warning)) {
                        throw new ImageLoadException(file, "corrupt or truncated image (" + formatName(reader)
                                + "): " + warning);
                    }
                }
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageLoadException(file, "corrupt or truncated image: " + describe(e), e);
        } catch (OutOfMemoryError e) {
            throw new ImageLoadException(file, "not enough memory to decode this image", e);
        } catch (RuntimeException e) {
            // buggy or confused decoders throw IndexOutOfBounds, IllegalArgument, ... on malformed input
            throw new ImageLoadException(file, "corrupt image: " + describe(e), e);
        }
        if (decoded == null) {
            throw new ImageLoadException(file, "the decoder returned no image");
        }
        BufferedImage rgb = toRgbOnWhite(decoded);
        return orient(rgb, readExif(file).orientation);
    }

    /** {@link #info(Path, long)} with {@link #maxPixels()}. */
    public static ImageInfo info(Path file) throws ImageLoadException {
        return info(file, maxPixels());
    }

    /**
     * Reads the format, the upright size, the EXIF orientation and date of {@code file} from its headers, without
     * decoding pixels. Refuses files over {@code maxPixels} like {@link #load}.
     */
    public static ImageInfo info(Path file, long maxPixels) throws ImageLoadException {
        checkFile(file);
        String format;
        int w;
        int h;
        boolean gray;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                format = formatName(reader);
                w = reader.getWidth(0);
                h = reader.getHeight(0);
                checkSize(file, w, h, maxPixels);
                gray = isGray(reader);
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(file, "corrupt image header: " + describe(e), e);
        }
        Exif exif = readExif(file);
        boolean swap = exif.orientation >= 5;
        return new ImageInfo(format, swap ? h : w, swap ? w : h, exif.orientation, gray, exif.taken);
    }

    /**
     * A cheap completeness check for catalogue and dataset scans: {@link #info(Path)} plus a look at the file's end
     * for the format's terminator (PNG IEND chunk, JPEG end-of-image marker, GIF trailer), which a truncated file
     * lacks. Costs two small reads instead of a decode. Only when the terminator is not at the end (a truncated file,
     * or a valid one with data appended, like a phone's "motion photo" JPEG followed by a video) is the image
     * decoded to tell the two apart. {@link #load} is the full check.
     */
    public static ImageInfo verify(Path file) throws ImageLoadException {
        ImageInfo info = info(file);
        String missing = missingTerminator(file, info.format());
        if (missing != null) {
            try {
                load(file);
            } catch (ImageLoadException e) {
                throw new ImageLoadException(file, "truncated image (" + info.format() + "): " + missing
                        + "; decoding fails: " + e.reason(), e);
            }
        }
        return info;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void checkFile(Path file) throws ImageLoadException {
        if (!Files.exists(file)) {
            throw new ImageLoadException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageLoadException(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new ImageLoadException(file, "not readable (permission denied)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot read its size: " + describe(e), e);
        }
        if (size == 0) {
            throw new ImageLoadException(file, "empty file (0 bytes)");
        }
    }

    private static ImageReader readerFor(Path file, ImageInputStream in) throws ImageLoadException {
        if (in == null) {
            throw new ImageLoadException(file, "cannot open the file for reading");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".heic") || name.endsWith(".heif")) {
                throw new ImageLoadException(file, "HEIC/HEIF image: no decoder for this format is installed"
                        + " (convert it to JPEG to include it)");
            }
            throw new ImageLoadException(file, "unknown or unsupported image format");
        }
        // ImageIO's order between two readers of one format (JDK vs TwelveMonkeys TIFF, say) is not fixed:
        // prefer TwelveMonkeys (CMYK/YCCK JPEG, more TIFF variants) so that results do not vary between runs
        ImageReader reader = readers.next();
        while (!reader.getClass().getName().startsWith("com.twelvemonkeys.") && readers.hasNext()) {
            ImageReader next = readers.next();
            if (next.getClass().getName().startsWith("com.twelvemonkeys.")) {
                reader.dispose();
                reader = next;
            } else {
                next.dispose();
            }
        }
        reader.setInput(in, true, true);
        return reader;
    }

    /** The reader's format name, lower case, aliases folded ("jpg" → "jpeg", "tif" → "tiff"). */
    private static String formatName(ImageReader reader) throws IOException {
        String f = reader.getFormatName().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "jpg", "jpeg-lossless", "jfif" -> "jpeg";
            case "tif" -> "tiff";
            default -> f;
        };
    }

    private static void checkSize(Path file, int w, int h, long maxPixels) throws ImageLoadException {
        if (w <= 0 || h <= 0) {
            throw new ImageLoadException(file, "invalid declared size " + w + "x" + h);
        }
        long pixels = (long) w * h;
        if (pixels > maxPixels) {
            throw new ImageLoadException(file, String.format(Locale.ROOT,
                    "declares %dx%d = %.1f megapixels, over the limit of %.1f megapixels (possible decompression bomb)",
                    w, h, pixels / 1e6, maxPixels / 1e6));
        }
    }

    private static boolean isGray(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        return type != null && type.getColorModel().getNumColorComponents() == 1;
    }

    private static boolean isCorruption(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("premature") || w.contains("truncat") || w.contains("corrupt") || w.contains("eof")
                || w.contains("end of file") || w.contains("end of stream") || w.contains("end of input");
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        while (t != null && sb.length() < 300) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            String m = t.getMessage();
            sb.append(m == null || m.isBlank() || t instanceof EOFException
                    ? (t instanceof EOFException ? "unexpected end of file" : t.getClass().getSimpleName()) : m);
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }

    /** Draws any decoded image (gray, 16-bit, indexed, alpha, ...) on a white sRGB INT_RGB canvas. */
    static BufferedImage toRgbOnWhite(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Turns an image stored with EXIF orientation {@code o} (1..8) upright. Orientations 5–8 swap width and height.
     */
    public static BufferedImage orient(BufferedImage src, int o) {
        if (o <= 1 || o > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        boolean swap = o >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] out = new int[in.length];
        for (int sy = 0; sy < h; sy++) {
            for (int sx = 0; sx < w; sx++) {
                int dx;
                int dy;
                switch (o) {
                    case 2 -> { dx = w - 1 - sx; dy = sy; }
                    case 3 -> { dx = w - 1 - sx; dy = h - 1 - sy; }
                    case 4 -> { dx = sx; dy = h - 1 - sy; }
                    case 5 -> { dx = sy; dy = sx; }
                    case 6 -> { dx = h - 1 - sy; dy = sx; }
                    case 7 -> { dx = h - 1 - sy; dy = w - 1 - sx; }
                    default -> { dx = sy; dy = w - 1 - sx; } // 8
                }
                out[dy * ow + dx] = in[sy * w + sx];
            }
        }
        BufferedImage dst = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        dst.setRGB(0, 0, ow, oh, out, 0, ow);
        return dst;
    }

    private record Exif(int orientation, Optional<LocalDateTime> taken) {
    }

    /** EXIF orientation and DateTimeOriginal; metadata that cannot be read counts as absent (orientation 1). */
    private static Exif readExif(Path file) {
        int orientation = 1;
        Optional<LocalDateTime> taken = Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            Metadata md = ImageMetadataReader.readMetadata(in, Files.size(file));
            ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                orientation = o >= 1 && o <= 8 ? o : 1;
            }
            ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                String s = sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
                if (s != null) {
                    try {
                        taken = Optional.of(LocalDateTime.parse(s.trim(), EXIF_DATE));
                    } catch (DateTimeParseException ignored) {
                        // "0000:00:00 00:00:00" and other junk: no date
                    }
                }
            }
        } catch (IOException | MetadataException | com.drew.imaging.ImageProcessingException | RuntimeException e) {
            // no usable metadata: upright, undated
        }
        return new Exif(orientation, taken);
    }

    /** Null when the file ends as its format requires, else what is missing. */
    private static String missingTerminator(Path file, String format) throws ImageLoadException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            switch (format) {
                case "png" -> {
                    if (len < 12) {
                        return "file too short";
                    }
                    byte[] tail = new byte[12];
                    raf.seek(len - 12);
                    raf.readFully(tail);
                    boolean iend = tail[4] == 'I' && tail[5] == 'E' && tail[6] == 'N' && tail[7] == 'D';
                    return iend ? null : "no IEND chunk at the end of the file";
                }
                case "jpeg", "jpg" -> {
                    int n = (int) Math.min(len, 4096);
                    byte[] tail = new byte[n];
                    raf.seek(len - n);
                    raf.readFully(tail);
                    for (int i = n - 2; i >= 0; i--) {
                        if ((tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) {
                            return null;
                        }
                    }
                    return "no end-of-image marker (FFD9) at the end of the file";
                }
                case "gif" -> {
                    raf.seek(len - 1);
                    int last = raf.read();
                    return last == 0x3B ? null : "no GIF trailer at the end of the file";
                }
                default -> {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot read: " + describe(e), e);
        }
    }
}
