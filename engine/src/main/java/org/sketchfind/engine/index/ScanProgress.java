package org.sketchfind.engine.index;

/**
 * A progress event of a scan (plain value; the app moves it to its UI thread).
 *
 * @param phase           WALKING (listing folders), INDEXING (hashing, decoding, encoding), CLEANING (dropping
 *                        removed files), DONE
 * @param filesSeen       image files found by the walk so far
 * @param total           files that need work in this scan (new, changed, not yet encoded by the active model)
 * @param done            of {@code total}, how many are processed (committed)
 * @param encoded         images run through the encoder so far in this scan
 * @param skipped         files recorded as skipped so far in this scan
 * @param photosPerSecond processing rate over the indexing phase, pauses excluded (0 until known)
 * @param etaSeconds      estimated seconds left, or -1 if unknown
 * @param paused          whether the scan is paused
 */
public record ScanProgress(Phase phase, long filesSeen, long total, long done, long encoded, long skipped,
                           double photosPerSecond, double etaSeconds, boolean paused) {
    public enum Phase { WALKING, INDEXING, CLEANING, DONE }
}
