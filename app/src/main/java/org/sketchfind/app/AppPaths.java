package org.sketchfind.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the app keeps and finds things: the catalogue's data folder and the repository (install) root. */
public final class AppPaths {
    public static final String DATA_DIR_PROPERTY = "sketchfind.dataDir";
    public static final String ROOT_PROPERTY = "sketchfind.root";

    private AppPaths() {
    }

    /** The data folder chosen by {@code --data-dir} or {@code -Dsketchfind.dataDir}, or null for the per-user
     * default (the engine's {@code DataDirs}). */
    public static Path dataDirOverride() {
        String p = System.getProperty(DATA_DIR_PROPERTY);
        return p == null || p.isBlank() ? null : Path.of(p).toAbsolutePath();
    }

    /** The repository root set by {@code ./sketchfind-app}, or null when unknown or missing. */
    public static Path repoRoot() {
        String p = System.getProperty(ROOT_PROPERTY);
        if (p == null || p.isBlank()) {
            return null;
        }
        Path root = Path.of(p).toAbsolutePath();
        return Files.isDirectory(root) ? root : null;
    }
}
