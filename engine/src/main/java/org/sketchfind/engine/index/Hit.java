package org.sketchfind.engine.index;

/**
 * One search result: the id stored with the code (a catalogue photo id) and its Hamming distance to the query.
 * {@code row} is the code's insertion position in its {@link PackedCodes}, the tie-breaker among equal distances.
 */
public record Hit(long id, int distance, int row) {
}
