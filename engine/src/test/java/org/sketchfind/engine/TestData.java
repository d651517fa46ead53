package org.sketchfind.engine;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where tests find real data. {@link #root()} is the repository's {@code src-test-data} (always present, also on a
 * fresh clone); {@link #sharedOrSkip()} is {@code ../shared/data}, present beside a developer's checkout and in CI
 * but not on a user's machine: tests that need it are opt-in checks that say they skipped.
 */
public final class TestData {
    private TestData() {
    }

    /** The repository root (surefire sets {@code sketchfind.root}; otherwise found by walking up). */
    public static Path repoRoot() {
        String prop = System.getProperty("sketchfind.root");
        if (prop != null && Files.isDirectory(Paths.get(prop, "src-test-data"))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("src-test-data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("src-test-data not found above " + Paths.get("").toAbsolutePath());
        }
        return p;
    }

    /** {@code src-test-data}. */
    public static Path root() {
        return repoRoot().resolve("src-test-data");
    }

    /** {@code src-test-data/<first>/<more…>}. */
    public static Path path(String first, String... more) {
        return root().resolve(Paths.get(first, more));
    }

    /** {@code ../shared/data} if present, else the calling test is skipped with a message saying so. */
    public static Path sharedOrSkip() {
        Path shared = repoRoot().resolveSibling("shared").resolve("data");
        Assumptions.assumeTrue(Files.isDirectory(shared),
                "skipped: " + shared + " is not present (opt-in check needing ../shared)");
        return shared;
    }
}
