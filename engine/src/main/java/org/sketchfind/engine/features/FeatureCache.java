package org.sketchfind.engine.features;

import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.Backbone;
import org.sketchfind.engine.model.BackboneId;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ImagePreprocessor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backbone feature maps of a list of images, computed once and kept in a memory-mapped file
 * ({@link MappedFeatureMaps}): the expensive part of training is the frozen backbone's forward pass, so it is paid
 * once per image, not once per epoch. Beside the maps file an index file lists the preprocessing mode and every
 * image (path, size, modification time) in row order, and the backbone with its weights checksum; a cache whose index no longer matches the images is rebuilt.
 * Files are written to a temporary name and moved into place, so an interrupted build leaves no half cache.
 */
public final class FeatureCache {
    /** Progress of a build: images (photos or sketches, by {@code mode}) done of total, and images per second. */
    public record Progress(ImagePreprocessor.Mode mode, int done, int total, double imagesPerSecond) {
    }

    private FeatureCache() {
    }

    /** Opens the cache at {@code file} if it holds exactly {@code images} in {@code mode}, else builds it. */
    public static MappedFeatureMaps openOrBuild(Path file, List<Path> images, ImagePreprocessor.Mode mode,
                                                FeatureExtractor extractor, Consumer<Progress> progress)
            throws IOException {
        return openOrBuild(file, images, mode, extractor, progress, CancellationToken.none());
    }

    /**
     * {@link #openOrBuild(Path, List, ImagePreprocessor.Mode, FeatureExtractor, Consumer)} that stops between batches
     * when {@code cancel} is cancelled (a {@link java.util.concurrent.CancellationException}; nothing half-written
     * stays behind) and waits there while it is paused.
     */
    public static MappedFeatureMaps openOrBuild(Path file, List<Path> images, ImagePreprocessor.Mode mode,
                                                FeatureExtractor extractor, Consumer<Progress> progress,
                                                CancellationToken cancel) throws IOException {
        Path indexFile = indexFile(file);
        String index = index(images, mode, BackboneId.of(extractor.backbone()));
        if (Files.isRegularFile(file) && Files.isRegularFile(indexFile)
                && Files.readString(indexFile, StandardCharsets.UTF_8).equals(index)) {
            try {
                MappedFeatureMaps maps = MappedFeatureMaps.open(file);
                if (maps.size() == images.size()) {
                    return maps;
                }
                maps.close();
            } catch (IOException broken) {
                // fall through: rebuild a damaged cache
            }
        }
        build(file, images, mode, extractor, progress, cancel);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), indexFile.getFileName().toString(), ".tmp");
        Files.writeString(tmp, index, StandardCharsets.UTF_8);
        Files.move(tmp, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return MappedFeatureMaps.open(file);
    }

    /** Decodes a batch of images in parallel (each independently); the first failure names its file. */
    private static List<BufferedImage> decode(List<Path> paths) throws IOException {
        BufferedImage[] out = new BufferedImage[paths.size()];
        IOException[] failure = new IOException[1];
        java.util.stream.IntStream.range(0, paths.size()).parallel().forEach(i -> {
            try {
                out[i] = ImageLoader.load(paths.get(i));
            } catch (IOException e) {
                synchronized (failure) {
                    failure[0] = failure[0] == null ? e : failure[0];
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return java.util.Arrays.asList(out);
    }

    static Path indexFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".index");
    }

    private static String index(List<Path> images, ImagePreprocessor.Mode mode, BackboneId backbone)
            throws IOException {
        StringBuilder sb = new StringBuilder("sketchfind-feature-cache 2\tmode=" + mode.cacheTag() + "\tbackbone=" + backbone.name()
                + "\tweights=" + backbone.weightsSha256() + "\n");
        for (Path p : images) {
            sb.append(p.toAbsolutePath().normalize()).append('\t').append(Files.size(p)).append('\t')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return sb.toString();
    }

    private static void build(Path file, List<Path> images, ImagePreprocessor.Mode mode, FeatureExtractor extractor,
                              Consumer<Progress> progress, CancellationToken cancel) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (images.isEmpty()) {
            throw new IOException("no images to cache");
        }
        int batch = extractor.batchSize();
        long start = System.nanoTime();
        Backbone b = extractor.backbone();
        int per = b.mapSize();
        MappedFeatureMaps.Writer writer = null;
        try {
            writer = new MappedFeatureMaps.Writer(file, images.size(), b.channels(), b.height(), b.width());
            for (int from = 0; from < images.size(); from += batch) {
                cancel.throwIfCancelled("backbone features of " + images.size() + " images");
                List<BufferedImage> chunk = decode(images.subList(from, Math.min(images.size(), from + batch)));
                float[] maps = extractor.featureMapArray(chunk, mode);
                for (int i = 0; i < chunk.size(); i++) {
                    writer.add(java.util.Arrays.copyOfRange(maps, i * per, (i + 1) * per));
                }
                int done = Math.min(images.size(), from + batch);
                double secs = (System.nanoTime() - start) / 1e9;
                progress.accept(new Progress(mode, done, images.size(), done / Math.max(secs, 1e-9)));
            }
            writer.close();
            writer = null;
        } finally {
            if (writer != null) {
                try {
                    writer.close(); // incomplete: deletes its temporary file and creates nothing
                } catch (IOException expected) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }
}
