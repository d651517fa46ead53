package org.sketchfind.engine.data;

import java.util.Locale;
import java.util.Optional;

/** A class's role in a zero-shot split column of {@code classes.tsv}. */
public enum SplitRole {
    SEEN, UNSEEN;

    /** "seen"/"unseen" (any case, also "train"/"test"); empty for anything else. */
    public static Optional<SplitRole> parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "seen", "train" -> Optional.of(SEEN);
            case "unseen", "test" -> Optional.of(UNSEEN);
            default -> Optional.empty();
        };
    }
}
