package org.sketchfind.engine.index;

import java.util.List;

/**
 * What a finished (or cancelled) scan did.
 *
 * @param filesSeen  image files found under the registered folders
 * @param unchanged  files whose row and code were already current
 * @param added      new rows (new paths)
 * @param updated    existing rows whose content changed or that gained a code/thumbnail for the active model
 * @param moved      rows that followed a rename or move (same content, no re-encoding)
 * @param removed    rows dropped because their files are gone
 * @param skipped    files recorded as skipped in this scan
 * @param encoded    images passed to the encoder (distinct contents)
 * @param reused     codes taken from identical content already catalogued (duplicates), not re-encoded
 * @param cancelled  whether the scan stopped early on request (committed batches are kept)
 * @param seconds    wall time
 * @param problems   files and folders that could not be read in this scan
 */
public record ScanResult(long filesSeen, long unchanged, long added, long updated, long moved, long removed,
                         long skipped, long encoded, long reused, boolean cancelled, double seconds,
                         List<Catalogue.Skipped> problems) {
}
