package org.sketchfind.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code --model} value of {@code paper-table}: {@code FILE}, or {@code LABEL=FILE} to name the row when two models
 * would otherwise share one (the same method and bit length trained for different lengths, say). A value that is an
 * existing file is always a file, even if its name holds '='. Otherwise the file follows the last '=', so a label may
 * hold '=' itself ("semantic term (λ = 100)=runs/p64/model.zip").
 *
 * @param label the row's name, or null for the model's own method name
 */
record ModelArgument(String label, Path file) {

    static ModelArgument parse(String value) {
        int eq = value.lastIndexOf('=');
        if (eq <= 0 || Files.exists(Path.of(value))) {
            return new ModelArgument(null, Path.of(value));
        }
        return new ModelArgument(value.substring(0, eq).strip(), Path.of(value.substring(eq + 1)));
    }

    /** The row name: the label if given, else {@code method}. */
    String rowName(String method) {
        return label == null || label.isEmpty() ? method : label;
    }
}
