package org.sketchfind.engine;

import java.util.List;

/**
 * What a finished (or cancelled) scan did.
 *
 * @param filesSeen image files found under the registered folders
 * @param unchanged files whose row and code were already current
 * @param added     new photos
 * @param updated   photos whose content changed or that gained a code for the active model
 * @param moved     photos that followed a rename or move (no re-encoding)
 * @param removed   photos dropped because their files are gone
 * @param skipped   files recorded as skipped in this scan
 * @param encoded   images passed to the encoder
 * @param reused    codes copied from identical content already catalogued
 * @param cancelled whether the scan stopped early on request (committed batches are kept)
 * @param seconds   wall time
 * @param problems  files and folders that could not be read in this scan
 */
public record ScanReport(long filesSeen, long unchanged, long added, long updated, long moved, long removed,
                         long skipped, long encoded, long reused, boolean cancelled, double seconds,
                         List<CollectionStatus.Skipped> problems) {
    public ScanReport {
        problems = List.copyOf(problems);
    }
}
