package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * A data set as {@code sketchfind datasets} reports it.
 *
 * @param root              the folder (or file) scanned
 * @param layout            its layout, one of {@link DatasetRequest#LAYOUTS}
 * @param layoutDescription the layout in words
 * @param classTable        the class table used, or null
 * @param splitColumn       the split column used, or null
 * @param classNames        every class found
 * @param photos            photo files
 * @param sketches          sketch image files
 * @param drawings          Quick, Draw! drawings
 * @param seen              classes present that are seen in the split; null without a split
 * @param unseen            classes present that are unseen in the split; null without a split
 * @param problems          every malformed item found
 * @param perClass          counts per class with its role in the split
 */
public record DatasetSummary(Path root, String layout, String layoutDescription, Path classTable, String splitColumn,
                             List<String> classNames, int photos, int sketches, int drawings, Integer seen,
                             Integer unseen, List<Problem> problems, List<ClassCount> perClass) {
    public DatasetSummary {
        classNames = List.copyOf(classNames);
        problems = List.copyOf(problems);
        perClass = List.copyOf(perClass);
    }

    public int classes() {
        return classNames.size();
    }

    /**
     * One malformed item.
     *
     * @param line 1-based line of a line-oriented file, or 0
     */
    public record Problem(String file, int line, String cause) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + cause : file + ": " + cause;
        }
    }

    /**
     * A class's items.
     *
     * @param role "seen", "unseen", "?" (not in the split) or "-" (no split)
     */
    public record ClassCount(String name, String role, int photos, int sketches, int drawings) {
    }
}
