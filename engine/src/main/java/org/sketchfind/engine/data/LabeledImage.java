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

    /**
     * The instance this file belongs to: for a Sketchy sketch {@code NAME-K.png} the stem of the photo it was drawn
     * from ({@code NAME}), for anything else its {@link #stem()}. A sketch and a photo with equal keys in the same
     * class are an instance-level pair.
     */
    public String instanceKey() {
        String s = stem();
        int dash = s.lastIndexOf('-');
        if (dash > 0 && dash < s.length() - 1 && s.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            return s.substring(0, dash);
        }
        return s;
    }
}
