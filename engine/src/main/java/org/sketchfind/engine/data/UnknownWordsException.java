package org.sketchfind.engine.data;

import java.util.List;

/** Class names whose words are not in the GloVe vocabulary; the message lists every one of them. */
public class UnknownWordsException extends IllegalArgumentException {
    private final List<String> names;

    public UnknownWordsException(String source, List<String> names) {
        super(names.size() + " class name(s) not in the vocabulary of " + source + ": " + String.join(", ", names));
        this.names = List.copyOf(names);
    }

    /** Each offending class, with its missing words, e.g. {@code "foo bar" (missing: foo)}. */
    public List<String> names() {
        return names;
    }
}
