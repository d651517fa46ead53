package org.sketchfind.engine;

/**
 * A progress event of a scan of the collection.
 *
 * @param phase           WALKING (listing folders), INDEXING (hashing, decoding, encoding), CLEANING (dropping
 *                        removed files), DONE
 * @param filesSeen       image files found by the walk so far
 * @param total           files that need work in this scan
 * @param done            of {@code total}, how many are processed (committed)
 * @param encoded         images run through the encoder so far
 * @param skipped         files recorded as skipped so far
 * @param photosPerSecond processing rate, pauses excluded (0 until known)
 * @param etaSeconds      estimated seconds left, or -1 if unknown
 * @param paused          whether the scan is paused
 */
public record ScanProgress(Phase phase, long filesSeen, long total, long done, long encoded, long skipped,
                           double photosPerSecond, double etaSeconds, boolean paused) {
    public enum Phase { WALKING, INDEXING, CLEANING, DONE }

    /** The same progress, shown paused or running (a paused scan sends no events while it waits). */
    public ScanProgress withPaused(boolean p) {
        return new ScanProgress(phase, filesSeen, total, done, encoded, skipped, photosPerSecond, etaSeconds, p);
    }
}
