package org.sketchfind.app.demo;

import java.nio.file.Path;

/**
 * The demo photo collection shipped in the repository ({@code assets/demo-photos}). The engine registers it on the
 * first start with an empty catalogue and remembers that it did ({@code PhotoCollection.startUp}), so a fresh
 * install has something to search and a user who removes it does not get it back.
 */
public final class DemoCollection {
    public static final String FOLDER = "assets/demo-photos";

    private DemoCollection() {
    }

    /** The demo folder under {@code repoRoot}, or null when the root is unknown. */
    public static Path folder(Path repoRoot) {
        return repoRoot == null ? null : repoRoot.resolve(FOLDER);
    }
}
