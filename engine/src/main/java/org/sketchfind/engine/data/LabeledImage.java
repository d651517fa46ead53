package org.sketchfind.engine.data;

import java.nio.file.Path;

/**
 * A photo or sketch image file of a class-per-folder data set.
 *
 * @param className the class folder's name as found on disk (see {@link ClassNames#normalise})
 * @param path      the image file
 */
public record LabeledImage(String className, Path path) implements Labeled {
    /** The file name without its extension, e.g. {@code n02121620_1039-1}. */
    public String stem() {
        String n = path.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
