package org.sketchfind.engine;

/**
 * The engine's facade: the one entry point the app and the command line use. It hands out one service per
 * part of the paper's pipeline; the app never reaches past it into {@code model}, {@code train} or
 * {@code index} internals.
 */
public final class Sketchfind {
    public Sketchfind() {
    }

    /** The photo collection (catalogue, indexer with the active encoder, folder watcher) stored in {@code dataDir},
     * or in the per-user data folder when {@code dataDir} is null. The caller closes it. */
    public org.sketchfind.engine.index.CatalogueService catalogue(java.nio.file.Path dataDir)
            throws java.io.IOException {
        return org.sketchfind.engine.index.CatalogueService.open(dataDir);
    }
}
