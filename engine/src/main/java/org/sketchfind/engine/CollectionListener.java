package org.sketchfind.engine;

/**
 * Listens to the scans of a {@link PhotoCollection}, those started as {@link Job}s and those its folder watcher
 * starts on its own: progress, each committed batch that changed codes, and the end of each scan. A scan that must
 * wait for another process scanning the same catalogue says so, and which process, through {@code onLog}. Called on the
 * indexer's thread: keep handlers short and hand events over to your own thread.
 */
public interface CollectionListener extends JobListener<ScanProgress> {
    /** A batch of codes was committed: photos became searchable, or stopped being (the search sees it at once). */
    default void onCodesChanged() {
    }

    /** A scan ended (also a cancelled one; a scan started as a job completes its future as well). */
    default void onFinished(ScanReport report) {
    }

    /** A scan failed (the catalogue could not be written, say). */
    default void onFailed(Throwable error) {
    }

    /** A listener that ignores everything. */
    static CollectionListener none() {
        return new CollectionListener() {
        };
    }
}
