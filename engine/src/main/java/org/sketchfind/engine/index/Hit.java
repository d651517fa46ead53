package org.sketchfind.engine.index;

import java.nio.file.Path;

/**
 * One search result of the index layer: the id stored with the code (a catalogue photo id) and its Hamming distance
 * to the query. {@code row} is the code's insertion position in its {@link PackedCodes}, the tie-breaker among equal
 * distances. The searchers leave {@code path} and {@code thumbnail} null; {@link PhotoSearch} fills them in from the
 * catalogue ({@code thumbnail} stays null for a photo without one).
 */
public record Hit(long id, int distance, int row, Path path, Path thumbnail) {
    /** A hit as the searchers find it, before the catalogue locates it. */
    public Hit(long id, int distance, int row) {
        this(id, distance, row, null, null);
    }

    /** This hit with its photo's file and thumbnail. */
    public Hit located(Path path, Path thumbnail) {
        return new Hit(id, distance, row, path, thumbnail);
    }
}
