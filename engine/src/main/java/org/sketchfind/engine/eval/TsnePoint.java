package org.sketchfind.engine.eval;

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
}
