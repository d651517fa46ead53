package org.sketchfind.engine.cli;

import picocli.CommandLine.Option;

/**
 * picocli mixin of the research commands ({@code evaluate}, {@code paper-table}, {@code cross-style}): the rankings
 * measured beside the Hamming one for each ZSIH model, each a row (or source) of its own.
 */
final class RankingOptions {
    @Option(names = "--asymmetric", description = "also rank each ZSIH model by asymmetric scores: the sketch's"
            + " real-valued outputs against the photos' codes (rows named '+ asymmetric ranking')")
    boolean asymmetric;

    @Option(names = "--real-valued", description = "also rank each ZSIH model by the cosine of the sketch's and the"
            + " photos' real-valued encoder outputs, as the app's search does (rows named '+ real-valued ranking')")
    boolean realValued;
}
