package org.sketchfind.engine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sketchfind datasets} reports about a data set.
 *
 * @param seen        classes present that are seen in {@code splitColumn}; null without a split
 * @param unseen      classes present that are unseen in {@code splitColumn}; null without a split
 * @param splitColumn the split column used, or null
 * @param classTable  the class table used, or null
 */
public record DatasetReport(Path root, Layout layout, List<String> classNames, int photos, int sketches,
                            int drawings, Integer seen, Integer unseen, String splitColumn, Path classTable,
                            List<Problem> problems) {
    public DatasetReport {
        classNames = List.copyOf(classNames);
        problems = List.copyOf(problems);
    }

    public int classes() {
        return classNames.size();
    }
}
