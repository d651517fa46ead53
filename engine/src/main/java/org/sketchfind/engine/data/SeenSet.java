package org.sketchfind.engine.data;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training-side data set: items of seen classes only. There is no public constructor: it is made by
 * {@link SeenClasses#select} or {@link SeenClasses#requireAll}, so holding a {@code SeenSet} proves that no item of an
 * unseen class is inside. Training code (e.g. the sampler of category-coherent sketch–photo pairs) takes these.
 */
public final class SeenSet<T extends Labeled> implements Iterable<T> {
    private final SeenClasses classes;
    private final List<T> items;
    private final Map<String, List<T>> byClass;

    SeenSet(SeenClasses classes, List<T> items) {
        this.classes = classes;
        this.items = List.copyOf(items);
        Map<String, List<T>> m = new LinkedHashMap<>();
        for (T item : this.items) {
            String c = classes.canonical(item.className());
            if (c == null || !classes.contains(c)) { // defence in depth: never admit anything else
                throw new ZeroShotViolationException("item of class \"" + item.className()
                        + "\" is not a seen class of split " + classes.split().column());
            }
            m.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(item);
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        this.byClass = Collections.unmodifiableMap(m);
    }

    public SeenClasses classes() {
        return classes;
    }

    public List<T> items() {
        return items;
    }

    /** Items grouped by canonical class name (table spelling), classes in first-seen order. */
    public Map<String, List<T>> byClass() {
        return byClass;
    }

    public int size() {
        return items.size();
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
