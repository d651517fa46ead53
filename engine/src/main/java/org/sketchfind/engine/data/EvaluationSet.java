package org.sketchfind.engine.data;

import java.util.Iterator;
import java.util.List;

/**
 * Items of unseen classes, for zero-shot evaluation only. Not a {@link SeenSet} and not convertible to one: training
 * APIs, which take {@link SeenSet}s, cannot be given these.
 */
public final class EvaluationSet<T extends Labeled> implements Iterable<T> {
    private final String splitColumn;
    private final List<T> items;

    EvaluationSet(String splitColumn, List<T> items) {
        this.splitColumn = splitColumn;
        this.items = List.copyOf(items);
    }

    public String splitColumn() {
        return splitColumn;
    }

    public List<T> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
