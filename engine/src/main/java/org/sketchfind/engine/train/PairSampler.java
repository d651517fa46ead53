package org.sketchfind.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Alg. 1's mini-batches of category-coherent sketch–photo pairs. Each epoch visits every training sketch once in a
 * seeded random order and pairs it with a uniformly drawn training photo of the same class; consecutive
 * {@code batchSize} pairs form a batch, and a last incomplete batch is dropped (so every step has the configured
 * batch size and the in-batch graph of Eq. 3 its full size) unless it would be the only one. The order of epoch e
 * depends only on (seed, e), so a resumed run sees exactly the batches an uninterrupted one would.
 *
 * <p>It takes plain (class index, feature index) items of a {@link TrainingData}, which
 * {@link SeenTrainingSet#build} makes from the data layer's seen-only split: the engine's one pair sampler.
 */
public final class PairSampler {
    /** An item of the training set: its class and its row in the feature maps. */
    public record Item(int classIndex, int featureIndex) {
    }

    /** A category-coherent pair: both items of {@code classIndex}. */
    public record Pair(int classIndex, int sketchIndex, int photoIndex) {
    }

    private final List<Item> sketches;
    private final List<List<Integer>> photosByClass;
    private final int batchSize;
    private final long seed;
    private final int skipped;

    /**
     * @param sketches training sketches; those of a class without any training photo are skipped
     * @param photos   training photos
     */
    public PairSampler(List<Item> sketches, List<Item> photos, int numClasses, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.photosByClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            photosByClass.add(new ArrayList<>());
        }
        for (Item p : photos) {
            photosByClass.get(p.classIndex()).add(p.featureIndex());
        }
        List<Item> usable = new ArrayList<>();
        for (Item s : sketches) {
            if (!photosByClass.get(s.classIndex()).isEmpty()) {
                usable.add(s);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no training sketch has a training photo of its class");
        }
        this.skipped = sketches.size() - usable.size();
        this.sketches = Collections.unmodifiableList(usable);
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Sketches skipped because their class has no training photo. */
    public int skipped() {
        return skipped;
    }

    public int batchSize() {
        return batchSize;
    }

    public int batchesPerEpoch() {
        return Math.max(1, sketches.size() / batchSize);
    }

    /** The batches of epoch {@code epoch}, each a list of pairs. */
    public List<List<Pair>> epoch(int epoch) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        List<Item> order = new ArrayList<>(sketches);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Collections.swap(order, i, j);
        }
        List<List<Pair>> batches = new ArrayList<>();
        int nb = batchesPerEpoch();
        for (int b = 0; b < nb; b++) {
            List<Pair> batch = new ArrayList<>();
            for (int i = b * batchSize; i < Math.min(order.size(), (b + 1) * batchSize); i++) {
                Item s = order.get(i);
                List<Integer> ph = photosByClass.get(s.classIndex());
                batch.add(new Pair(s.classIndex(), s.featureIndex(), ph.get(rnd.nextInt(ph.size()))));
            }
            batches.add(batch);
        }
        return batches;
    }
}
