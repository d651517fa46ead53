package org.sketchfind.engine.features;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.BackboneId;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ImagePreprocessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every photo and sketch of a data set with its cached backbone feature maps (row i of {@link #photoMaps()} is
 * {@code photos().get(i)}), in path order. Caches are kept per data set and per backbone (name and weights
 * checksum in the file name and in the cache's index), so two backbones never read each other's maps. Splitting into seen and unseen classes is the caller's job, through the
 * data set's {@link org.sketchfind.engine.data.ZeroShotSplit}: this class only caches.
 */
public record DatasetFeatures(Dataset dataset, List<LabeledImage> photos, MappedFeatureMaps photoMaps,
                              List<LabeledImage> sketches, MappedFeatureMaps sketchMaps, BackboneId backbone)
        implements AutoCloseable {

    /** Opens (or first computes) the feature maps of {@code dataset}'s photos and sketches under {@code cacheDir}. */
    public static DatasetFeatures load(Dataset dataset, Path cacheDir, FeatureExtractor extractor,
                                       Consumer<String> log) throws IOException {
        return load(dataset, cacheDir, extractor, log, p -> { }, CancellationToken.none());
    }

    /**
     * {@link #load(Dataset, Path, FeatureExtractor, Consumer)} that also reports every batch to {@code progress}
     * and stops between batches when {@code cancel} is cancelled (see {@link FeatureCache}).
     */
    public static DatasetFeatures load(Dataset dataset, Path cacheDir, FeatureExtractor extractor,
                                       Consumer<String> log, Consumer<FeatureCache.Progress> progress,
                                       CancellationToken cancel) throws IOException {
        List<LabeledImage> photos = sorted(dataset.photos());
        List<LabeledImage> sketches = sorted(dataset.sketches());
        String key = key(dataset.root()) + "-" + BackboneId.of(extractor.backbone()).name() + "-"
                + BackboneId.of(extractor.backbone()).shortSha();
        MappedFeatureMaps photoMaps = photos.isEmpty() ? null : FeatureCache.openOrBuild(
                cacheDir.resolve(key + "-photo.maps"), photos.stream().map(LabeledImage::path).toList(),
                ImagePreprocessor.Mode.PHOTO, extractor, progress("photos", log).andThen(progress), cancel);
        MappedFeatureMaps sketchMaps;
        try {
            sketchMaps = sketches.isEmpty() ? null : FeatureCache.openOrBuild(
                    cacheDir.resolve(key + "-sketch.maps"), sketches.stream().map(LabeledImage::path).toList(),
                    ImagePreprocessor.Mode.SKETCH, extractor, progress("sketches", log).andThen(progress), cancel);
        } catch (IOException | RuntimeException e) {
            if (photoMaps != null) {
                photoMaps.close();
            }
            throw e;
        }
        return new DatasetFeatures(dataset, photos, photoMaps, sketches, sketchMaps, BackboneId.of(extractor.backbone()));
    }

    /** Pooled (global-average) features of some of this data set's photos, in the given order. */
    public float[][] pooledPhotos(List<LabeledImage> items) {
        return pooled(photos, photoMaps, items);
    }

    /** Pooled (global-average) features of some of this data set's sketches, in the given order. */
    public float[][] pooledSketches(List<LabeledImage> items) {
        return pooled(sketches, sketchMaps, items);
    }

    private static float[][] pooled(List<LabeledImage> all, FeatureMaps maps, List<LabeledImage> items) {
        java.util.Map<LabeledImage, Integer> rowOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rowOf.put(all.get(i), i);
        }
        float[][] out = new float[items.size()][];
        for (int k = 0; k < items.size(); k++) {
            Integer row = rowOf.get(items.get(k));
            if (row == null) {
                throw new IllegalArgumentException("not an item of this data set: " + items.get(k).path());
            }
            out[k] = maps.pooled(row);
        }
        return out;
    }

    private static List<LabeledImage> sorted(List<LabeledImage> items) {
        return items.stream().sorted(Comparator.comparing(i -> i.path().toString())).toList();
    }

    private static String key(Path root) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(root.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return root.getFileName() + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Consumer<FeatureCache.Progress> progress(String what, Consumer<String> log) {
        int[] lastPct = {-1};
        return p -> {
            int pct = (int) (100L * p.done() / p.total());
            if (pct / 5 != lastPct[0] / 5 || p.done() == p.total()) {
                lastPct[0] = pct;
                double eta = (p.total() - p.done()) / Math.max(p.imagesPerSecond(), 1e-9);
                log.accept(String.format(java.util.Locale.ROOT, "backbone features of %s: %d/%d (%.1f images/s, ETA %.0f s)",
                        what, p.done(), p.total(), p.imagesPerSecond(), eta));
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (photoMaps != null) {
            photoMaps.close();
        }
        if (sketchMaps != null) {
            sketchMaps.close();
        }
    }
}
