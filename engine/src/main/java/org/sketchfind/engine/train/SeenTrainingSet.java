package org.sketchfind.engine.train;

import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.SeenClasses;
import org.sketchfind.engine.data.SeenSet;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.features.FeatureMapsSubset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the trainer's {@link TrainingData} from a data set's cached features through the typed zero-shot split:
 * only items that {@link SeenClasses#select} lets through (a {@link SeenSet}) reach the trainer, and only the seen
 * classes' word vectors. Unseen-class sketches, photos and vectors never enter training, tuning or validation
 * (validation holds out items of SEEN classes).
 */
public final class SeenTrainingSet {
    private SeenTrainingSet() {
    }

    /**
     * @param perClassHeldOut  sketches and photos per seen class held out for validation mAP (when
     *                         {@code validationClasses} is 0)
     * @param validationClasses seen classes held out whole for validation instead (a zero-shot proxy; see
     *                         {@link TrainingData#withHeldOutClasses}); 0 for none
     */
    public static TrainingData build(DatasetFeatures features, ZeroShotSplit split, GloveVectors glove,
                                     int perClassHeldOut, int validationClasses, long seed) {
        SeenClasses seen = split.seen();
        SeenSet<LabeledImage> sketches = seen.select(features.sketches());
        SeenSet<LabeledImage> photos = seen.select(features.photos());
        List<String> names = new ArrayList<>(seen.names());
        Map<String, float[]> vectors = seen.vectors(glove);
        float[][] classVectors = new float[names.size()][];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            classVectors[i] = vectors.get(names.get(i));
            index.put(names.get(i), i);
        }
        int[][] sk = rowsAndClasses(features.sketches(), sketches, seen, index);
        int[][] ph = rowsAndClasses(features.photos(), photos, seen, index);
        FeatureMaps sketchMaps = new FeatureMapsSubset(features.sketchMaps(), sk[0]);
        FeatureMaps photoMaps = new FeatureMapsSubset(features.photoMaps(), ph[0]);
        String splitName = features.dataset().root().getFileName() + ":" + split.column();
        if (validationClasses > 0) {
            return TrainingData.withHeldOutClasses(sketchMaps, sk[1], photoMaps, ph[1], names, classVectors, splitName,
                    validationClasses, seed, features.backbone());
        }
        return TrainingData.withHeldOut(sketchMaps, sk[1], photoMaps, ph[1], names, classVectors, splitName,
                perClassHeldOut, seed, features.backbone());
    }

    /** [cache rows, class indices] of the seen items, in cache order. */
    private static int[][] rowsAndClasses(List<LabeledImage> all, SeenSet<LabeledImage> seenItems, SeenClasses seen,
                                          Map<String, Integer> index) {
        Map<LabeledImage, Integer> rowOf = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rowOf.put(all.get(i), i);
        }
        int[] rows = new int[seenItems.size()];
        int[] classes = new int[seenItems.size()];
        int k = 0;
        for (LabeledImage item : seenItems) {
            rows[k] = rowOf.get(item);
            classes[k] = index.get(canonical(seen, item.className()));
            k++;
        }
        return new int[][]{rows, classes};
    }

    private static String canonical(SeenClasses seen, String className) {
        String c = seen.split().canonical(className);
        if (c == null) {
            throw new IllegalStateException("seen item of unknown class " + className);
        }
        return c;
    }
}
