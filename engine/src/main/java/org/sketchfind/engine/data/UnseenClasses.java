package org.sketchfind.engine.data;

import java.util.List;
import java.util.Set;

/**
 * The unseen (test) classes of a {@link ZeroShotSplit}. Deliberately not iterable and unable to produce a
 * {@link SeenSet}: its names and items are reached only through {@link #forEvaluation()}, whose result type no
 * training API takes.
 */
public final class UnseenClasses {
    private final ZeroShotSplit split;
    private final Set<String> names;
    private final List<String> ordered;

    UnseenClasses(ZeroShotSplit split, Set<String> names) {
        this.split = split;
        this.names = Set.copyOf(names);
        this.ordered = List.copyOf(names);
    }

    /** How many unseen classes (a count reveals no data). */
    public int size() {
        return ordered.size();
    }

    /** Whether a name from any source is an unseen class (lets readers report, never train). */
    public boolean contains(String name) {
        String c = split.canonical(name);
        return c != null && names.contains(c);
    }

    /** Evaluation-only access: call this from evaluation code, never from training, tuning or model selection. */
    public Evaluation forEvaluation() {
        return new Evaluation();
    }

    /** The unseen classes for evaluation: their names and evaluation-only item sets. */
    public final class Evaluation {
        private Evaluation() {
        }

        public List<String> names() {
            return ordered;
        }

        /** The unseen-class items of {@code items}, as an evaluation-only set. */
        public <T extends Labeled> EvaluationSet<T> select(Iterable<T> items) {
            return new EvaluationSet<>(split.column(), split.filter(items, names));
        }
    }
}
