package org.sketchfind.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The photo collection's totals, folders and skipped files.
 *
 * @param modelId the id of the model whose codes count as encoded (codes are stored per id)
 * @param model   its name, for people
 * @param bits    its code length
 * @param photos  photos catalogued (readable files)
 * @param encoded of those, photos with a code of the model (searchable)
 * @param folders registered folders with their scan state
 * @param skipped files and folders that could not be catalogued, with the reason
 * @param dataDir the folder holding the catalogue and its thumbnails
 */
public record CollectionStatus(String modelId, String model, int bits, long photos, long encoded, List<Folder> folders,
                               List<Skipped> skipped, Path dataDir) {
    public CollectionStatus {
        folders = List.copyOf(folders);
        skipped = List.copyOf(skipped);
    }

    /**
     * A registered folder.
     *
     * @param scanState      "complete", "scanning", "pending" or another word for a scan that did not finish
     * @param scanFinishedAt when its last complete scan ended, or null
     */
    public record Folder(Path path, String scanState, Instant scanFinishedAt) {
        public boolean scanComplete() {
            return "complete".equals(scanState);
        }
    }

    /** A file (or folder) that could not be catalogued, and why. */
    public record Skipped(String file, String cause) {
    }
}
