package org.sketchfind.engine.train;

import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.model.BackboneId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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
 * @param validationClassNames classes held out whole for validation, a zero-shot proxy drawn from the seen classes
 *                     (empty when validation holds out items of the training classes instead): item class index
 *                     {@code classNames.size() + j} is {@code validationClassNames.get(j)}. Neither their items nor
 *                     their names or vectors train: {@code classNames} and {@code classVectors} are the training
 *                     classes only.
 * @param backbone     the backbone whose feature maps these are (recorded in the model file)
 */
public record TrainingData(FeatureMaps sketchMaps, int[] sketchClasses, FeatureMaps photoMaps, int[] photoClasses,
                           List<String> classNames, float[][] classVectors, String splitName,
                           int[] trainSketches, int[] trainPhotos, int[] valSketches, int[] valPhotos,
                           List<String> validationClassNames, BackboneId backbone) {
    public TrainingData {
        java.util.Objects.requireNonNull(backbone, "backbone");
        validationClassNames = List.copyOf(validationClassNames);
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
        int all = classNames.size() + validationClassNames.size();
        for (int c : sketchClasses) {
            checkClass(c, all);
        }
        for (int c : photoClasses) {
            checkClass(c, all);
        }
        checkTrains(trainSketches, sketchClasses, classNames.size());
        checkTrains(trainPhotos, photoClasses, classNames.size());
    }

    private static void checkTrains(int[] items, int[] classes, int trainingClasses) {
        for (int i : items) {
            if (classes[i] >= trainingClasses) {
                throw new IllegalArgumentException("item " + i + " of a validation class is in the training set");
            }
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
                                           String splitName, int perClass, long seed, BackboneId backbone) {
        int[][] s = holdOut(sketchClasses, classNames.size(), perClass, seed);
        int[][] p = holdOut(photoClasses, classNames.size(), perClass, seed + 1);
        return new TrainingData(sketchMaps, sketchClasses, photoMaps, photoClasses, classNames, classVectors,
                splitName, s[0], p[0], s[1], p[1], List.of(), backbone);
    }

    /**
     * Builds the data holding out {@code count} whole classes (chosen with {@code seed}) for validation: a zero-shot
     * proxy made from the seen classes alone, so that choices which should help unseen classes (the graph's t, the
     * decoder) can be compared without ever looking at the unseen ones. The held-out classes' items are the
     * validation queries and gallery; their names and vectors are left out of the training classes.
     */
    public static TrainingData withHeldOutClasses(FeatureMaps sketchMaps, int[] sketchClasses, FeatureMaps photoMaps,
                                                  int[] photoClasses, List<String> classNames,
                                                  float[][] classVectors, String splitName, int count, long seed,
                                                  BackboneId backbone) {
        int n = classNames.size();
        if (count < 1 || count > n - 2) {
            throw new IllegalArgumentException("validation classes: can hold out 1 to " + (n - 2) + " of the " + n
                    + " classes (at least 2 must train), not " + count);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            order.add(c);
        }
        Collections.shuffle(order, new Random(seed));
        boolean[] held = new boolean[n];
        for (int c : order.subList(0, count)) {
            held[c] = true;
        }
        int[] renumber = new int[n];
        List<String> trainNames = new ArrayList<>();
        List<String> valNames = new ArrayList<>();
        List<float[]> trainVectors = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (!held[c]) {
                renumber[c] = trainNames.size();
                trainNames.add(classNames.get(c));
                trainVectors.add(classVectors[c]);
            }
        }
        for (int c = 0; c < n; c++) {
            if (held[c]) {
                renumber[c] = n - count + valNames.size();
                valNames.add(classNames.get(c));
            }
        }
        int[] sk = Arrays.stream(sketchClasses).map(c -> renumber[c]).toArray();
        int[] ph = Arrays.stream(photoClasses).map(c -> renumber[c]).toArray();
        int trainingClasses = n - count;
        return new TrainingData(sketchMaps, sk, photoMaps, ph, trainNames, trainVectors.toArray(new float[0][]),
                splitName, itemsOf(sk, trainingClasses, false), itemsOf(ph, trainingClasses, false),
                itemsOf(sk, trainingClasses, true), itemsOf(ph, trainingClasses, true), valNames, backbone);
    }

    private static int[] itemsOf(int[] classes, int trainingClasses, boolean validation) {
        return IntStream.range(0, classes.length).filter(i -> (classes[i] >= trainingClasses) == validation)
                .toArray();
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
        return "TrainingData[" + classNames.size() + " classes"
                + (validationClassNames.isEmpty() ? "" : " + " + validationClassNames.size() + " held out") + ", "
                + trainSketches.length + "+" + valSketches.length
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
