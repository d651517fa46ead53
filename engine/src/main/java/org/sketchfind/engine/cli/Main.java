package org.sketchfind.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./sketchfind}: the engine's command line. */
@Command(name = "sketchfind", mixinStandardHelpOptions = true, version = "Sketchfind 0.1.0",
        description = "Zero-shot sketch-based photo search (ZSIH).",
        subcommands = {CommandLine.HelpCommand.class,
                DatasetsCommand.class,
                IndexCommand.class,
                EmbedCommand.class,
                FeaturesCommand.class,
                SearchCommand.class,
                EncodeCommand.class,
                TrainCommand.class,
                ItqCommand.class,
                EvaluateCommand.class,
                TsneCommand.class,
                PaperTableCommand.class,
                CrossStyleCommand.class,
                FigureCommand.class,
                ExportOnnxCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
