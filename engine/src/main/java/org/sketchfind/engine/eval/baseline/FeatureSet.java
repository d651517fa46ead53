package org.sketchfind.engine.eval.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backbone features of sketches and photos with their class labels, and the class word vectors: what every baseline
 * is fitted on and evaluated with. In the application these are the pooled 512-d SqueezeNet features (last fire
 * module, global average pool) and GloVe 100-d class vectors; tests use cheap pixel features of the same images.
 *
 * <p>Labels index into {@code classNames}; {@code classVectors[c]} is the word vector of class {@code c}. Sketches and
 * photos must have the same feature dimension (one backbone). Arrays are not copied: do not mutate them afterwards.
 *
 * @param classNames   class names (unique)
 * @param classVectors one word vector per class, all of one dimension
 * @param sketches     sketch features, one row per sketch
 * @param sketchLabels class index of each sketch
 * @param photos       photo features, one row per photo
 * @param photoLabels  class index of each photo
 */
public record FeatureSet(List<String> classNames, float[][] classVectors, float[][] sketches, int[] sketchLabels,
                         float[][] photos, int[] photoLabels) {

    public FeatureSet {
        classNames = List.copyOf(classNames);
        if (new java.util.HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("class names are not unique: " + classNames);
        }
        if (classVectors.length != classNames.size()) {
            throw new IllegalArgumentException(classNames.size() + " classes but " + classVectors.length
                    + " class vectors");
        }
        for (int c = 0; c < classVectors.length; c++) {
            if (classVectors[c].length != classVectors[0].length) {
                throw new IllegalArgumentException("class vector of '" + classNames.get(c) + "' has "
                        + classVectors[c].length + " dimensions, expected " + classVectors[0].length);
            }
        }
        checkRows("sketch", sketches, sketchLabels, classNames.size());
        checkRows("photo", photos, photoLabels, classNames.size());
        int d = sketches.length > 0 ? sketches[0].length : photos.length > 0 ? photos[0].length : 0;
        for (float[][] rows : new float[][][]{sketches, photos}) {
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != d) {
                    throw new IllegalArgumentException((rows == sketches ? "sketch" : "photo") + " " + i + " has "
                            + rows[i].length + " features, expected " + d);
                }
            }
        }
    }

    private static void checkRows(String what, float[][] rows, int[] labels, int classes) {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " " + what + " features but " + labels.length
                    + " " + what + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(what + " " + i + " has class label " + labels[i] + " outside 0.."
                        + (classes - 1));
            }
        }
    }

    /** Feature dimension (0 when there are no items). */
    public int featureDims() {
        return sketches.length > 0 ? sketches[0].length : photos.length > 0 ? photos[0].length : 0;
    }

    /** Word-vector dimension (0 when there are no classes). */
    public int vectorDims() {
        return classVectors.length > 0 ? classVectors[0].length : 0;
    }

    /** Names of the classes that have at least one sketch or photo, sorted. */
    public Set<String> classesWithItems() {
        Set<String> out = new TreeSet<>();
        for (int l : sketchLabels) {
            out.add(classNames.get(l));
        }
        for (int l : photoLabels) {
            out.add(classNames.get(l));
        }
        return out;
    }

    /**
     * The items of the given classes only, with the class list reduced to them (in this set's order) and labels
     * renumbered. Unknown names are an error.
     */
    public FeatureSet onlyClasses(Set<String> keep) {
        for (String k : keep) {
            if (!classNames.contains(k)) {
                throw new IllegalArgumentException("unknown class '" + k + "'; classes: " + classNames);
            }
        }
        List<String> names = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Map<Integer, Integer> map = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            if (keep.contains(classNames.get(c))) {
                map.put(c, names.size());
                names.add(classNames.get(c));
                vectors.add(classVectors[c]);
            }
        }
        List<float[]> sk = new ArrayList<>(), ph = new ArrayList<>();
        List<Integer> skl = new ArrayList<>(), phl = new ArrayList<>();
        for (int i = 0; i < sketches.length; i++) {
            Integer c = map.get(sketchLabels[i]);
            if (c != null) {
                sk.add(sketches[i]);
                skl.add(c);
            }
        }
        for (int i = 0; i < photos.length; i++) {
            Integer c = map.get(photoLabels[i]);
            if (c != null) {
                ph.add(photos[i]);
                phl.add(c);
            }
        }
        return new FeatureSet(names, vectors.toArray(new float[0][]), sk.toArray(new float[0][]),
                skl.stream().mapToInt(Integer::intValue).toArray(), ph.toArray(new float[0][]),
                phl.stream().mapToInt(Integer::intValue).toArray());
    }
}
