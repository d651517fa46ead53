package org.sketchfind.engine.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seen classes of a {@link ZeroShotSplit}: the only classes training, tuning and model selection may use.
 * Training code takes {@link SeenSet}s, made here.
 */
public final class SeenClasses implements Iterable<String> {
    private final ZeroShotSplit split;
    private final Set<String> names;
    private final List<String> ordered;

    SeenClasses(ZeroShotSplit split, Set<String> names) {
        this.split = split;
        this.names = Set.copyOf(names);
        this.ordered = List.copyOf(names);
    }

    public ZeroShotSplit split() {
        return split;
    }

    /** The seen class names, in table order. */
    public List<String> names() {
        return ordered;
    }

    @Override
    public Iterator<String> iterator() {
        return ordered.iterator();
    }

    public int size() {
        return ordered.size();
    }

    /** Whether a name from any source (normalised) is a seen class. */
    public boolean contains(String name) {
        String c = split.canonical(name);
        return c != null && names.contains(c);
    }

    /** The seen-class items of {@code items}; unseen and unknown ones are left out. */
    public <T extends Labeled> SeenSet<T> select(Collection<T> items) {
        return new SeenSet<>(this, split.filter(items, names));
    }

    /**
     * All of {@code items} as a training-side set.
     *
     * @throws ZeroShotViolationException if any item is of an unseen or unknown class (naming the first few)
     */
    public <T extends Labeled> SeenSet<T> requireAll(Collection<T> items) {
        List<String> bad = new ArrayList<>();
        for (T item : items) {
            if (!contains(item.className())) {
                bad.add(item.className());
            }
        }
        if (!bad.isEmpty()) {
            throw new ZeroShotViolationException(bad.size() + " item(s) are not of a seen class of split "
                    + split.column() + " (e.g. " + bad.stream().distinct().limit(5).toList()
                    + "); unseen-class data must never enter training");
        }
        return new SeenSet<>(this, List.copyOf(items));
    }

    /** The class vectors of the seen classes only (the semantic targets training may use). */
    public Map<String, float[]> vectors(GloveVectors glove) {
        List<ClassEntry> entries = split.table().entries().stream().filter(e -> names.contains(e.name())).toList();
        return new LinkedHashMap<>(glove.classVectors(entries));
    }

    /** Canonical (table) name of a seen item's class. */
    String canonical(String name) {
        return split.canonical(name);
    }
}
