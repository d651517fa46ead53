package org.sketchfind.engine.data;

/** The data-set layouts {@link Dataset#scan} recognises. */
public enum Layout {
    /** Sketchy: {@code photo/<class>/*}, {@code sketch/<class>/*}, optional {@code classes.tsv}. */
    SKETCHY("Sketchy (photo/ and sketch/ class folders)"),
    /** A folder of Quick, Draw! {@code *.ndjson} files (simplified or raw), or one such file. */
    QUICKDRAW("Quick, Draw! ndjson"),
    /** Class folders of sketch images (TU-Berlin): gray images. */
    SKETCH_FOLDERS("class folders of sketches (TU-Berlin style)"),
    /** Class folders of photos. */
    PHOTO_FOLDERS("class folders of photos");

    private final String description;

    Layout(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
