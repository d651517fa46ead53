package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Backbone features of decoded images, in batches: preprocessing ({@link ImagePreprocessor}) and one forward pass
 * of the {@link Backbone} per batch. This is the one place features are computed, for indexing, search, caching,
 * training and evaluation alike. The pooled feature is the global average of the feature map.
 */
public final class FeatureExtractor {
    /** Default images per forward pass (indexing, caching); a sketch query is a batch of one. */
    public static final int DEFAULT_BATCH = 16;

    private final Backbone backbone;
    private final int batchSize;

    public FeatureExtractor(Backbone backbone) {
        this(backbone, DEFAULT_BATCH);
    }

    public FeatureExtractor(Backbone backbone, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.batchSize = batchSize;
    }

    /** The shared instance's extractor for the backbone {@code name} (see {@link Backbones#shared}). */
    public static FeatureExtractor of(String name) throws java.io.IOException {
        return new FeatureExtractor(Backbones.shared(name));
    }

    public Backbone backbone() {
        return backbone;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Pooled features (length {@link Backbone#pooledDim()}), one row per image, in input order. */
    public float[][] pooled(List<BufferedImage> images, ImagePreprocessor.Mode mode) {
        float[][] out = new float[images.size()][];
        int row = 0;
        for (int from = 0; from < images.size(); from += batchSize) {
            List<BufferedImage> chunk = images.subList(from, Math.min(images.size(), from + batchSize));
            Backbone.Forward f = backbone.forward(ImagePreprocessor.batchArray(chunk, mode), chunk.size());
            for (float[] r : pool(f.maps(), f.n(), backbone.channels(), backbone.height() * backbone.width())) {
                out[row++] = r;
            }
        }
        return out;
    }

    /** The pooled feature of one image. */
    public float[] pooled(BufferedImage image, ImagePreprocessor.Mode mode) {
        return pooled(List.of(image), mode)[0];
    }

    /** Feature maps [n, C, H, W] of the images as one float array (C order), computed batch by batch. */
    public float[] featureMapArray(List<BufferedImage> images, ImagePreprocessor.Mode mode) {
        int per = backbone.mapSize();
        float[] all = new float[Math.multiplyExact(images.size(), per)];
        for (int from = 0; from < images.size(); from += batchSize) {
            List<BufferedImage> chunk = images.subList(from, Math.min(images.size(), from + batchSize));
            Backbone.Forward f = backbone.forward(ImagePreprocessor.batchArray(chunk, mode), chunk.size());
            System.arraycopy(f.maps(), 0, all, from * per, f.maps().length);
        }
        return all;
    }

    /** Feature maps [n, C, H, W] of the images, as the encoders take them. */
    public INDArray featureMaps(List<BufferedImage> images, ImagePreprocessor.Mode mode) {
        return Nd4j.create(featureMapArray(images, mode),
                new long[]{images.size(), backbone.channels(), backbone.height(), backbone.width()}, 'c');
    }

    /** One image's pooled feature and (where the backbone has a classifier) ImageNet logits, from one pass. */
    public Embedding embed(BufferedImage image, ImagePreprocessor.Mode mode) {
        Backbone.Forward f = backbone.forward(ImagePreprocessor.batchArray(List.of(image), mode), 1);
        float[] feature = pool(f.maps(), 1, backbone.channels(), backbone.height() * backbone.width())[0];
        return new Embedding(feature, f.logits());
    }

    /** Global average pooling of maps [N, C, H, W] → [N, C]. */
    public static INDArray poolMaps(INDArray maps) {
        if (maps.rank() != 4) {
            throw new IllegalArgumentException("feature maps must be [N, C, H, W], got rank " + maps.rank());
        }
        INDArray m = maps.dataType() == DataType.FLOAT ? maps : maps.castTo(DataType.FLOAT);
        return m.mean(2, 3);
    }

    /** Global average pooling of {@code n} maps of {@code c} channels × {@code hw} positions, stored in C order. */
    public static float[][] pool(float[] maps, int n, int c, int hw) {
        float[][] out = new float[n][c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * hw;
                double s = 0;
                for (int p = 0; p < hw; p++) {
                    s += maps[base + p];
                }
                out[i][ch] = (float) (s / hw);
            }
        }
        return out;
    }

    /** A pooled feature and the ImageNet logits (null for a backbone without a classifier) of one image. */
    public record Embedding(float[] feature, float[] logits) {
        /** Indices of the k largest logits, largest first (ties: lower index first); empty without logits. */
        public int[] topK(int k) {
            if (logits == null) {
                return new int[0];
            }
            Integer[] idx = new Integer[logits.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (a, b) -> {
                int c = Float.compare(logits[b], logits[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int n = Math.min(k, idx.length);
            int[] top = new int[n];
            for (int i = 0; i < n; i++) {
                top[i] = idx[i];
            }
            return top;
        }
    }
}
