package org.sketchfind.engine.cli;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.ZeroShotSplit;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * picocli mixin: the options shared by the commands that work on a data set's zero-shot split ({@code itq},
 * {@code train}, {@code tsne}, {@code evaluate}): {@code --split COLUMN}, {@code --cache DIR} and {@code --json}.
 */
final class DatasetOptions {
    @Option(names = "--split", defaultValue = "split_sake_zeroshot1_25unseen", paramLabel = "COLUMN",
            description = "split column of classes.tsv (default ${DEFAULT-VALUE}); only its seen classes are fitted on")
    String split;

    @Option(names = "--cache", paramLabel = "DIR", description = "feature cache (default: <data folder>/cache/features)")
    Path cache;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    /** A scanned data set and its zero-shot split. */
    record SplitDataset(Dataset dataset, ZeroShotSplit split) {
    }

    /** {@code --cache}, or the per-user default feature cache. */
    Path cacheDir() {
        return cache != null ? cache : FeaturesCommand.defaultCache();
    }

    /** Scans {@code data}; empty if it has no classes.tsv with the {@code --split} column. */
    Optional<SplitDataset> find(Path data) throws IOException {
        Dataset dataset = Dataset.scan(data);
        return dataset.split(split).map(zs -> new SplitDataset(dataset, zs));
    }

    /** The standard message for a data set without the {@code --split} column. */
    String missingSplit(Path data) {
        return data + " has no classes.tsv with a column " + split;
    }

    /**
     * Scans {@code data} with its {@code --split}; null after the one-line message "sketchfind COMMAND: …" on stderr
     * if the split is missing (the command then exits with 2).
     */
    SplitDataset openOrReport(String command, Path data) throws IOException {
        Optional<SplitDataset> found = find(data);
        if (found.isEmpty()) {
            System.err.println("sketchfind " + command + ": " + missingSplit(data));
            return null;
        }
        return found.get();
    }

    /** Prints {@code o} as one JSON object with {@code --json}, else as a plain line. */
    void print(Map<String, Object> o) {
        if (json) {
            JsonOutput.print(o, System.out);
        } else {
            System.out.println(o);
        }
    }
}
