package org.sketchfind.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.data.ImageLoader;
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
 * ({@link MappedFeatureMaps}): the expensive part of training is the frozen SqueezeNet forward pass, so it is paid
 * once per image, not once per epoch. Beside the maps file an index file lists the preprocessing mode and every
 * image (path, size, modification time) in row order; a cache whose index no longer matches the images is rebuilt.
 * Files are written to a temporary name and moved into place, so an interrupted build leaves no half cache.
 */
public final class FeatureCache {
    /** Progress of a build: images done of total, and images per second. */
    public record Progress(int done, int total, double imagesPerSecond) {
    }

    private FeatureCache() {
    }

    /** Opens the cache at {@code file} if it holds exactly {@code images} in {@code mode}, else builds it. */
    public static MappedFeatureMaps openOrBuild(Path file, List<Path> images, ImagePreprocessor.Mode mode,
                                                FeatureExtractor extractor, Consumer<Progress> progress)
            throws IOException {
        Path indexFile = indexFile(file);
        String index = index(images, mode);
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
        build(file, images, mode, extractor, progress);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), indexFile.getFileName().toString(), ".tmp");
        Files.writeString(tmp, index, StandardCharsets.UTF_8);
        Files.move(tmp, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return MappedFeatureMaps.open(file);
    }

    static Path indexFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".index");
    }

    private static String index(List<Path> images, ImagePreprocessor.Mode mode) throws IOException {
        StringBuilder sb = new StringBuilder("sketchfind-feature-cache 1\tmode=" + mode + "\n");
        for (Path p : images) {
            sb.append(p.toAbsolutePath().normalize()).append('\t').append(Files.size(p)).append('\t')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return sb.toString();
    }

    private static void build(Path file, List<Path> images, ImagePreprocessor.Mode mode, FeatureExtractor extractor,
                              Consumer<Progress> progress) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int batch = extractor.batchSize();
        long start = System.nanoTime();
        int c = 0;
        int h = 0;
        int w = 0;
        MappedFeatureMaps.Writer writer = null;
        try {
            for (int from = 0; from < images.size(); from += batch) {
                List<BufferedImage> chunk = new ArrayList<>();
                for (Path p : images.subList(from, Math.min(images.size(), from + batch))) {
                    chunk.add(ImageLoader.load(p));
                }
                INDArray maps = extractor.featureMaps(chunk, mode);
                if (writer == null) {
                    long[] shape = maps.shape();
                    c = (int) shape[1];
                    h = (int) shape[2];
                    w = (int) shape[3];
                    writer = new MappedFeatureMaps.Writer(file, images.size(), c, h, w);
                }
                for (int i = 0; i < chunk.size(); i++) {
                    writer.add(maps.slice(i).dup().reshape((long) c * h * w).toFloatVector());
                }
                int done = Math.min(images.size(), from + batch);
                double secs = (System.nanoTime() - start) / 1e9;
                progress.accept(new Progress(done, images.size(), done / Math.max(secs, 1e-9)));
            }
            if (writer == null) {
                throw new IOException("no images to cache");
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
