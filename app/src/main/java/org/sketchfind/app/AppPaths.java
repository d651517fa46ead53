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

    /**
     * Why {@code dir} cannot hold the catalogue (a file, say), in one sentence, or null when it can (it may not exist
     * yet: it is created).
     *
     * @param fromOption whether the user named it with --data-dir (the message then names the option)
     */
    public static String dataDirProblem(Path dir, boolean fromOption) {
        String what = fromOption ? "--data-dir " + dir : "the data folder " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return what + " is a file, not a folder: name a folder (it is created if missing)";
        }
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : what + " lies under " + p + ", which is a file, not a folder";
            }
        }
        return null;
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
