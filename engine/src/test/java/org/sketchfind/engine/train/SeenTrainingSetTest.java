package org.sketchfind.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.model.Backbones;
import org.sketchfind.engine.model.FeatureExtractor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one way data reaches the trainer, on the real src-test-data Sketchy subset and real backbone maps: every
 * training and validation item of {@link SeenTrainingSet#build} is a seen-class item of its own class, every seen
 * item is there, and no unseen class, item or vector is (the 2 unseen classes of the split stay out).
 */
class SeenTrainingSetTest {
    @TempDir
    Path cache;

    @Test
    void onlySeenClassesItemsAndVectorsReachTraining() throws Exception {
        Dataset sketchy = Dataset.scan(TestData.path("sketchy"));
        ZeroShotSplit split = sketchy.split("split_sake_zeroshot1_25unseen").orElseThrow();
        GloveVectors glove = GloveVectors.load(TestData.path("glove", "glove.6B.100d.subset.txt"));
        try (DatasetFeatures f = DatasetFeatures.load(sketchy, cache, FeatureExtractor.of(Backbones.DEFAULT), s -> { })) {
            TrainingData data = SeenTrainingSet.build(f, split, glove, 1, 0, 42);
            assertEquals(new ArrayList<>(split.seen().names()), data.classNames());
            assertEquals(8, data.classNames().size());
            List<LabeledImage> seenSketches = split.seen().select(f.sketches()).items();
            List<LabeledImage> seenPhotos = split.seen().select(f.photos()).items();
            assertEquals(seenSketches.size(), data.trainSketches().length + data.valSketches().length);
            assertEquals(seenPhotos.size(), data.trainPhotos().length + data.valPhotos().length);
            assertEquals(8, data.valSketches().length, "one sketch per seen class held out");
            assertItemsAreSeenItemsOfTheirClass(data.sketchMaps(), data.sketchClasses(), data.classNames(),
                    seenSketches, f.pooledSketches(seenSketches));
            assertItemsAreSeenItemsOfTheirClass(data.photoMaps(), data.photoClasses(), data.classNames(),
                    seenPhotos, f.pooledPhotos(seenPhotos));
            var seenVectors = split.seen().vectors(glove);
            for (int c = 0; c < data.classNames().size(); c++) {
                String name = data.classNames().get(c);
                assertTrue(Arrays.equals(seenVectors.get(name), data.classVectors()[c]), "the vector of " + name);
            }
        }
    }

    private static void assertItemsAreSeenItemsOfTheirClass(FeatureMaps maps, int[] classes, List<String> names,
                                                            List<LabeledImage> seen, float[][] seenPooled) {
        for (int i = 0; i < maps.size(); i++) {
            float[] pooled = maps.pooled(i);
            boolean found = false;
            for (int k = 0; k < seen.size() && !found; k++) {
                found = seen.get(k).className().equals(names.get(classes[i])) && Arrays.equals(seenPooled[k], pooled);
            }
            assertTrue(found, "item " + i + " of class " + names.get(classes[i]) + " is a seen item of that class");
        }
    }
}
