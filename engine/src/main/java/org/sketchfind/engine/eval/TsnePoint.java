package org.sketchfind.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One embedded item for the t-SNE plot and CSV.
 *
 * @param x, y       2-D coordinates
 * @param className  class name
 * @param split      seen (training) or unseen (zero-shot) class
 * @param modality   sketch or photo
 * @param path       source file (or "file#line" for a Quick, Draw! drawing), may be empty
 */
public record TsnePoint(double x, double y, String className, Split split, Modality modality, String path) {
    public enum Split { SEEN, UNSEEN }

    public enum Modality { SKETCH, PHOTO }

    public TsnePoint {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(modality, "modality");
        path = path == null ? "" : path;
    }

    /** Zips an N × 2 embedding with its items' metadata (all lists of length N, in the embedding's row order). */
    public static List<TsnePoint> of(double[][] embedding, List<String> classNames, List<Split> splits,
                                     List<Modality> modalities, List<String> paths) {
        int n = embedding.length;
        if (classNames.size() != n || splits.size() != n || modalities.size() != n || paths.size() != n) {
            throw new IllegalArgumentException("t-SNE metadata lengths (classes " + classNames.size() + ", splits "
                    + splits.size() + ", modalities " + modalities.size() + ", paths " + paths.size()
                    + ") differ from the " + n + " embedded points");
        }
        List<TsnePoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (embedding[i].length != 2) {
                throw new IllegalArgumentException("embedded point " + i + " has " + embedding[i].length
                        + " coordinates, expected 2");
            }
            out.add(new TsnePoint(embedding[i][0], embedding[i][1], classNames.get(i), splits.get(i),
                    modalities.get(i), paths.get(i)));
        }
        return out;
    }
}
