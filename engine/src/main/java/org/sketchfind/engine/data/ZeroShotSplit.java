package org.sketchfind.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A zero-shot split of a {@link ClassTable} by one of its split columns (default
 * {@link ClassTable#DEFAULT_SPLIT}), as types that keep unseen-class data out of training:
 * <ul>
 *   <li>{@link SeenClasses} is what training code takes; the only training-side data set, {@link SeenSet}, can only
 *       be made by {@link SeenClasses#select}/{@link SeenClasses#requireAll}, which admit seen-class items only.</li>
 *   <li>{@link UnseenClasses} is neither iterable nor able to make a {@link SeenSet}; its classes and items are
 *       reached only through {@link UnseenClasses#forEvaluation()}, which yields {@link EvaluationSet}s, a type no
 *       training API accepts.</li>
 * </ul>
 * Classes are matched by {@link ClassTable#lookup} (normalised names), so folder names and Quick, Draw! words work.
 */
public final class ZeroShotSplit {
    private final ClassTable table;
    private final String column;
    private final SeenClasses seen;
    private final UnseenClasses unseen;

    private ZeroShotSplit(ClassTable table, String column, Set<String> seenNames, Set<String> unseenNames) {
        this.table = table;
        this.column = column;
        this.seen = new SeenClasses(this, seenNames);
        this.unseen = new UnseenClasses(this, unseenNames);
    }

    /** The split of {@code table} by {@link ClassTable#DEFAULT_SPLIT}. */
    public static ZeroShotSplit of(ClassTable table) {
        return of(table, ClassTable.DEFAULT_SPLIT);
    }

    /**
     * @throws IllegalArgumentException if the table has no such column
     */
    public static ZeroShotSplit of(ClassTable table, String column) {
        if (!table.hasColumn(column)) {
            throw new IllegalArgumentException(table.file() + ": no split column \"" + column + "\"; it has "
                    + table.splitColumns());
        }
        Set<String> s = new LinkedHashSet<>();
        Set<String> u = new LinkedHashSet<>();
        for (ClassEntry e : table.entries()) {
            SplitRole r = e.role(column).orElseThrow(); // rows with bad values were dropped by ClassTable.read
            (r == SplitRole.SEEN ? s : u).add(e.name());
        }
        return new ZeroShotSplit(table, column, s, u);
    }

    public ClassTable table() {
        return table;
    }

    public String column() {
        return column;
    }

    public SeenClasses seen() {
        return seen;
    }

    public UnseenClasses unseen() {
        return unseen;
    }

    /** The table's spelling of a name from any source, or null if it is not a class of the table. */
    public String canonical(String name) {
        return table.lookup(name).map(ClassEntry::name).orElse(null);
    }

    /** The items whose class is in {@code names}, in their order. */
    <T extends Labeled> List<T> filter(Iterable<T> items, Set<String> names) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            String c = canonical(item.className());
            if (c != null && names.contains(c)) {
                out.add(item);
            }
        }
        return out;
    }
}
