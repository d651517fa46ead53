package org.sketchfind.engine;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.index.CatalogueService;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The engine's facade: the one entry point the app and the command line use. It hands out one service per
 * part of the paper's pipeline; the app never reaches past it into {@code model}, {@code train} or
 * {@code index} internals.
 */
public final class Sketchfind {
    private org.sketchfind.engine.model.FeatureExtractor featureExtractor;

    public Sketchfind() {
    }

    /** Scans a data set folder (Sketchy, Quick, Draw!, TU-Berlin, class folders of photos); see {@link Dataset}. */
    public Dataset scanDataset(Path dir, Dataset.Options options) throws IOException {
        return Dataset.scan(dir, options);
    }

    /** The photo collection (catalogue, indexer with the active encoder, folder watcher) stored in {@code dataDir},
     * or in the per-user data folder when {@code dataDir} is null. The caller closes it. */
    public CatalogueService catalogue(Path dataDir) throws IOException {
        return CatalogueService.open(dataDir);
    }

    /**
     * The pretrained SqueezeNet backbone's feature extractor (pooled 512-d features, batches of 32), loaded on
     * first use from the default weights folder.
     *
     * @throws java.io.IOException if the weights are missing or fail their checksums
     */
    public synchronized org.sketchfind.engine.model.FeatureExtractor featureExtractor() throws java.io.IOException {
        if (featureExtractor == null) {
            featureExtractor = new org.sketchfind.engine.model.FeatureExtractor(
                    org.sketchfind.engine.model.SqueezeNet.load());
        }
        return featureExtractor;
    }
}
