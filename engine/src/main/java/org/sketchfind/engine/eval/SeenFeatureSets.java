package org.sketchfind.engine.eval;

import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.SeenClasses;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.eval.baseline.FeatureSet;
import org.sketchfind.engine.eval.baseline.TrainingFeatures;
import org.sketchfind.engine.features.DatasetFeatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Baseline training features from a data set's cache through the typed split: pooled backbone features of the SEEN
 * classes' sketches and photos only ({@link SeenClasses#select}), with the seen classes' GloVe vectors.
 */
public final class SeenFeatureSets {
    private SeenFeatureSets() {
    }

    public static TrainingFeatures of(DatasetFeatures features, ZeroShotSplit split, GloveVectors glove) {
        SeenClasses seen = split.seen();
        List<LabeledImage> sketches = seen.select(features.sketches()).items();
        List<LabeledImage> photos = seen.select(features.photos()).items();
        List<String> names = new ArrayList<>(seen.names());
        Map<String, float[]> vectors = seen.vectors(glove);
        float[][] cv = names.stream().map(vectors::get).toArray(float[][]::new);
        ClassLabels labels = new ClassLabels();
        names.forEach(labels::labelOf);
        FeatureSet set = new FeatureSet(names, cv, features.pooledSketches(sketches),
                labels.labelsOf(sketches.stream().map(LabeledImage::className).toList()),
                features.pooledPhotos(photos), labels.labelsOf(photos.stream().map(LabeledImage::className).toList()));
        return TrainingFeatures.seenOnly(set, split.unseen().forEvaluation().names());
    }
}
