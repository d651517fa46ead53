package org.sketchfind.engine.data;

import java.util.List;

/**
 * What a reader returns: the good items and one {@link Problem} per malformed item it skipped.
 */
public record ReadResult<T>(List<T> items, List<Problem> problems) {
    public ReadResult {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
