package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.eval.ClassLabels;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only thing a {@link Baseline} can be fitted on: features of SEEN-class items.
 *
 * <p>Zero-shot rule: no baseline may train, tune or select hyper-parameters on unseen-class data. The caller builds
 * this from the seen split ({@code split_sake_zeroshot1_25unseen = seen}) and names the unseen classes; the factory
 * refuses a feature set that holds any item of an unseen class (names compared after {@link ClassLabels#normalise}).
 * Class vectors of unseen classes may be listed in the set (they are never read: every baseline only uses the
 * vectors of the classes its training items belong to).
 */
public final class TrainingFeatures {
    private final FeatureSet features;
    private final Set<String> unseenClasses;

    private TrainingFeatures(FeatureSet features, Set<String> unseenClasses) {
        this.features = features;
        this.unseenClasses = unseenClasses;
    }

    /**
     * @param seenTrain     features of seen-class items only
     * @param unseenClasses names of the held-out (unseen) classes as the split lists them (empty only when the
     *                      caller holds out no class, e.g. a benchmark)
     * @throws IllegalArgumentException if any item of {@code seenTrain} belongs to an unseen class, or it has no items
     */
    public static TrainingFeatures seenOnly(FeatureSet seenTrain, Collection<String> unseenClasses) {
        Set<String> unseen = new TreeSet<>();
        for (String u : unseenClasses) {
            unseen.add(ClassLabels.normalise(u));
        }
        Set<String> leaked = new TreeSet<>();
        for (String c : seenTrain.classesWithItems()) {
            if (unseen.contains(ClassLabels.normalise(c))) {
                leaked.add(c);
            }
        }
        if (!leaked.isEmpty()) {
            throw new IllegalArgumentException("zero-shot rule: training features hold items of unseen classes "
                    + leaked + "; fit baselines on seen classes only");
        }
        if (seenTrain.sketches().length == 0 && seenTrain.photos().length == 0) {
            throw new IllegalArgumentException("training features hold no sketches and no photos");
        }
        return new TrainingFeatures(seenTrain, Set.copyOf(unseen));
    }

    /** The seen-class features. */
    public FeatureSet features() {
        return features;
    }

    /** The normalised names of the unseen classes this set was checked against. */
    public Set<String> unseenClasses() {
        return unseenClasses;
    }

    /** Sketch rows followed by photo rows (both modalities pooled). */
    public float[][] pooled() {
        float[][] s = features.sketches(), p = features.photos();
        float[][] out = new float[s.length + p.length][];
        System.arraycopy(s, 0, out, 0, s.length);
        System.arraycopy(p, 0, out, s.length, p.length);
        return out;
    }

    /** Names of the classes with training items, sorted. */
    public List<String> seenClasses() {
        return List.copyOf(features.classesWithItems());
    }
}
