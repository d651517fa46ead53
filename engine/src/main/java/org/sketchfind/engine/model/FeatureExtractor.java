package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Backbone features of decoded images, in batches: preprocessing ({@link ImagePreprocessor}) and a SqueezeNet
 * forward pass per batch. The pooled 512-d feature is the global average of the last fire module's 512×13×13 map.
 */
public final class FeatureExtractor {
    /** Default images per forward pass. */
    public static final int DEFAULT_BATCH = 32;

    private final SqueezeNet net;
    private final int batchSize;

    public FeatureExtractor(SqueezeNet net) {
        this(net, DEFAULT_BATCH);
    }

    public FeatureExtractor(SqueezeNet net, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.net = Objects.requireNonNull(net, "net");
        this.batchSize = batchSize;
    }

    public SqueezeNet network() {
        return net;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Pooled 512-d features, one row per image, in input order. */
    public float[][] pooled(List<BufferedImage> images, ImagePreprocessor.Mode mode) {
        float[][] out = new float[images.size()][];
        int row = 0;
        for (int from = 0; from < images.size(); from += batchSize) {
            List<BufferedImage> chunk = images.subList(from, Math.min(images.size(), from + batchSize));
            INDArray pooled = net.pooled(ImagePreprocessor.batch(chunk, mode));
            for (float[] r : rows(pooled)) {
                out[row++] = r;
            }
        }
        return out;
    }

    /** The pooled 512-d feature of one image. */
    public float[] pooled(BufferedImage image, ImagePreprocessor.Mode mode) {
        return pooled(List.of(image), mode)[0];
    }

    /** Feature maps [n,512,13,13] of the images, computed batch by batch (346 KB of float32 per image). */
    public INDArray featureMaps(List<BufferedImage> images, ImagePreprocessor.Mode mode) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < images.size(); from += batchSize) {
            List<BufferedImage> chunk = images.subList(from, Math.min(images.size(), from + batchSize));
            parts.add(net.featureMap(ImagePreprocessor.batch(chunk, mode)));
        }
        return parts.size() == 1 ? parts.get(0) : org.nd4j.linalg.factory.Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }

    /** One image's pooled feature and ImageNet logits from a single forward pass. */
    public Embedding embed(BufferedImage image, ImagePreprocessor.Mode mode) {
        SqueezeNet.Forward f = net.forward(ImagePreprocessor.batch(List.of(image), mode));
        return new Embedding(rows(f.pooled())[0], rows(f.logits())[0]);
    }

    /** A pooled feature (512) and the ImageNet logits (1000) of one image. */
    public record Embedding(float[] feature, float[] logits) {
        /** Indices of the k largest logits, largest first (ties: lower index first). */
        public int[] topK(int k) {
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

    private static float[][] rows(INDArray m) {
        INDArray f = m.dataType() == DataType.FLOAT ? m : m.castTo(DataType.FLOAT);
        return f.toFloatMatrix();
    }
}
