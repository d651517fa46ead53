package org.sketchfind.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the trainer needs, all of it from the SEEN classes of a zero-shot split: feature maps of sketches and photos
 * with their class indices, the class names and semantic vectors (index = class index), and which items train and
 * which are held out for validation.
 *
 * <p>Seam: the data layer's typed seen-only split ({@code SeenClasses}) will build this; until then callers pass
 * plain arrays and are responsible for passing only seen-class items (the trainer cannot tell).
 *
 * @param sketchMaps   sketch feature maps, item i of class {@code sketchClasses[i]}
 * @param photoMaps    photo feature maps, item i of class {@code photoClasses[i]}
 * @param classNames   seen class names
 * @param classVectors their semantic vectors (GloVe), all the same length
 * @param splitName    where the seen classes come from, e.g. "sketchy:split_sake_zeroshot1_25unseen"
 * @param trainSketches sketch items to train on; likewise the photos
 * @param valSketches  held-out sketch items (validation queries); likewise the photos (validation gallery)
 */
public record TrainingData(FeatureMaps sketchMaps, int[] sketchClasses, FeatureMaps photoMaps, int[] photoClasses,
                           List<String> classNames, float[][] classVectors, String splitName,
                           int[] trainSketches, int[] trainPhotos, int[] valSketches, int[] valPhotos) {
    public TrainingData {
        if (sketchMaps.size() != sketchClasses.length || photoMaps.size() != photoClasses.length) {
            throw new IllegalArgumentException("one class index per feature map needed");
        }
        if (classNames.size() != classVectors.length || classNames.size() < 2) {
            throw new IllegalArgumentException("need at least 2 classes, one vector per class");
        }
        for (float[] v : classVectors) {
            if (v.length != classVectors[0].length) {
                throw new IllegalArgumentException("class vectors of different lengths");
            }
        }
        for (int c : sketchClasses) {
            checkClass(c, classNames.size());
        }
        for (int c : photoClasses) {
            checkClass(c, classNames.size());
        }
    }

    private static void checkClass(int c, int n) {
        if (c < 0 || c >= n) {
            throw new IllegalArgumentException("class index " + c + " outside 0.." + (n - 1));
        }
    }

    /**
     * Builds the data holding out {@code perClass} sketches and photos of each class (chosen with {@code seed}) for
     * validation; the rest trains.
     */
    public static TrainingData withHeldOut(FeatureMaps sketchMaps, int[] sketchClasses, FeatureMaps photoMaps,
                                           int[] photoClasses, List<String> classNames, float[][] classVectors,
                                           String splitName, int perClass, long seed) {
        int[][] s = holdOut(sketchClasses, classNames.size(), perClass, seed);
        int[][] p = holdOut(photoClasses, classNames.size(), perClass, seed + 1);
        return new TrainingData(sketchMaps, sketchClasses, photoMaps, photoClasses, classNames, classVectors,
                splitName, s[0], p[0], s[1], p[1]);
    }

    /** [train items, held-out items]: {@code perClass} random items of each class held out. */
    static int[][] holdOut(int[] classes, int numClasses, int perClass, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < classes.length; i++) {
            byClass.get(classes[i]).add(i);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (List<Integer> items : byClass) {
            List<Integer> shuffled = new ArrayList<>(items);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Integer tmp = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, tmp);
            }
            int k = Math.min(perClass, Math.max(0, shuffled.size() - 1));
            val.addAll(shuffled.subList(0, k));
            train.addAll(shuffled.subList(k, shuffled.size()));
        }
        int[] t = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] v = val.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new int[][]{t, v};
    }

    public int semanticDim() {
        return classVectors[0].length;
    }

    @Override
    public String toString() {
        return "TrainingData[" + classNames.size() + " classes, " + trainSketches.length + "+" + valSketches.length
                + " sketches, " + trainPhotos.length + "+" + valPhotos.length + " photos, split " + splitName + "]";
    }

    /** Identity: the arrays are large and compared by reference. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
