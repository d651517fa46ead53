package org.sketchfind.engine.index;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Default {@link ImageDecoder} on {@code javax.imageio} (with whatever plugins are on the class path, e.g.
 * TwelveMonkeys). Reads the declared width and height from the {@link ImageReader} before decoding and refuses
 * images above {@code maxPixels}; a decoder warning such as "Premature end of JPEG file" (a truncated file that the
 * JDK would silently fill with gray) is treated as an error. EXIF orientation and date are read with
 * metadata-extractor but the orientation is not applied ({@link DecodedImage#oriented()} is false): the data
 * layer's image loader does that.
 */
public final class ImageIoDecoder implements ImageDecoder {
    /** Default limit: 100 megapixels (a 400 MB ARGB raster). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private final long maxPixels;

    public ImageIoDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageIoDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    @Override
    public DecodedImage decode(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException("file vanished", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read: permission denied", e);
        }
        if (size == 0) {
            throw new IOException("empty file (0 bytes)");
        }
        BufferedImage image;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".heic") || name.endsWith(".heif")) {
                    throw new IOException("HEIC/HEIF: no decoder for this format is installed");
                }
                throw new IOException("not a supported image format");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new IOException("invalid dimensions " + width + "x" + height);
                }
                if ((long) width * height > maxPixels) {
                    throw new IOException(String.format(Locale.ROOT,
                            "image too large: %dx%d declared, limit %.0f megapixels", width, height,
                            maxPixels / 1e6));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                image = reader.read(0, param);
            } catch (IOException e) {
                throw e;
            } catch (RuntimeException e) {
                // plugins throw IllegalArgumentException, IndexOutOfBounds... on corrupt data
                throw new IOException("corrupt image: " + e, e);
            } finally {
                reader.dispose();
            }
            for (String w : warnings) {
                String lw = w.toLowerCase(Locale.ROOT);
                if (lw.contains("premature") || lw.contains("truncat") || lw.contains("corrupt")) {
                    throw new IOException("truncated or corrupt image: " + w);
                }
            }
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read: permission denied", e);
        } catch (javax.imageio.IIOException e) {
            throw new IOException("corrupt image: " + rootMessage(e), e);
        } catch (java.io.EOFException e) {
            throw new IOException("truncated image (unexpected end of file)", e);
        }
        if (image == null) {
            throw new IOException("decoder returned no image");
        }
        int orientation = 1;
        Instant date = null;
        try {
            Metadata md = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
            ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                Date d = sub.getDateOriginal(TimeZone.getTimeZone("UTC"));
                if (d != null) {
                    date = d.toInstant();
                }
            }
        } catch (Exception | StackOverflowError e) {
            // metadata is optional: a photo without readable EXIF is still a photo
        }
        return new DecodedImage(image, width, height, orientation, date, false);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}
