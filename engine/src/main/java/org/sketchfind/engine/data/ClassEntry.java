package org.sketchfind.engine.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of {@code classes.tsv}.
 *
 * @param name    the class name as the table spells it (Sketchy's folder name, e.g. {@code car_(sedan)})
 * @param line    1-based line in the file
 * @param columns every column of the row by header name
 */
public record ClassEntry(String name, int line, Map<String, String> columns) {
    public ClassEntry {
        columns = Map.copyOf(columns);
    }

    /** The value of a split column ("seen"/"unseen"), if the row has that column. */
    public Optional<SplitRole> role(String splitColumn) {
        String v = columns.get(splitColumn);
        return v == null ? Optional.empty() : SplitRole.parse(v);
    }

    /**
     * The words whose GloVe vectors stand for this class: the {@code glove_tokens} column (space separated) when
     * present and non-empty, else the name split on {@code _}, {@code -}, spaces and parentheses.
     */
    public List<String> gloveTokens() {
        String t = columns.get(ClassTable.GLOVE_TOKENS);
        if (t != null && !t.isBlank()) {
            return Arrays.stream(t.trim().split("\\s+")).map(String::toLowerCase).toList();
        }
        return List.of(ClassNames.tokens(name));
    }
}
