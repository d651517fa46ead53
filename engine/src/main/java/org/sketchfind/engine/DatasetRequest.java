package org.sketchfind.engine;

import org.sketchfind.engine.data.ClassTable;
import org.sketchfind.engine.data.ImageCheck;
import org.sketchfind.engine.data.Layout;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Sketchfind#describeDataset} looks at.
 *
 * @param dir     a Sketchy root (photo/, sketch/, classes.tsv), a Quick, Draw! ndjson folder or file, TU-Berlin class
 *                folders, or class folders of photos
 * @param classes a classes.tsv to match classes against (null: {@code dir/classes.tsv} if present)
 * @param layout  one of {@link #LAYOUTS}, or null to detect it
 * @param check   one of {@link #CHECKS}: how thoroughly each image is checked
 * @param split   the split column of the class table (null: {@link #DEFAULT_SPLIT} where present, and no error if not)
 */
public record DatasetRequest(Path dir, Path classes, String layout, String check, String split) {
    /** The layouts a data set folder can have. */
    public static final List<String> LAYOUTS = Arrays.stream(Layout.values())
            .map(l -> l.name().toLowerCase(Locale.ROOT)).toList();
    /** Image checks: none (extensions only), header (header, size limit, end marker), decode (every pixel). */
    public static final List<String> CHECKS = Arrays.stream(ImageCheck.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    /** The split column used when none is named. */
    public static final String DEFAULT_SPLIT = ClassTable.DEFAULT_SPLIT;

    /** {@code dir} with every default. */
    public static DatasetRequest of(Path dir) {
        return new DatasetRequest(dir, null, null, "header", null);
    }
}
