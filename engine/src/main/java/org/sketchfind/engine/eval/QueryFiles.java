package org.sketchfind.engine.eval;

import java.nio.file.Path;
import java.util.Locale;

/** File-name rules for query sources (Quick, Draw! ndjson files). */
public final class QueryFiles {
    private QueryFiles() {
    }

    public static boolean isNdjson(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }
}
