package org.sketchfind.engine.cli;

import org.sketchfind.engine.DatasetRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * picocli mixin: the options shared by the commands that work on a data set's zero-shot split ({@code itq},
 * {@code train}, {@code tsne}, {@code evaluate}, {@code paper-table}): {@code --split COLUMN}, {@code --cache DIR}
 * and {@code --json}.
 */
final class DatasetOptions {
    @Option(names = "--split", defaultValue = DatasetRequest.DEFAULT_SPLIT, paramLabel = "COLUMN",
            description = "split column of classes.tsv (default ${DEFAULT-VALUE}); only its seen classes are fitted on")
    String split;

    @Option(names = "--cache", paramLabel = "DIR", description = "feature cache (default: <data folder>/cache/features)")
    Path cache;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    /** Prints {@code o} as one JSON object with {@code --json}, else as a plain line. */
    void print(Map<String, Object> o) {
        if (json) {
            JsonOutput.print(o, System.out);
        } else {
            System.out.println(o);
        }
    }
}
