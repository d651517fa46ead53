package org.sketchfind.engine.cli;

import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code ./sketchfind}: the engine's command line. Quick commands ({@code --help},
 * {@code --version}, {@code index status}, {@code datasets}) load no model: nothing here touches ND4J or ONNX
 * Runtime until a command encodes.
 */
@Command(name = "sketchfind", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
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
    /** Exit code of a command line that does not parse (unknown option, missing argument). */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the build's version, as the app's About page and the packages show it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Sketchfind " + Sketchfind.version()};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** This process's command line, for other processes that wait for its scan (see {@link #describeProcess}). */
    private static volatile String processCommand;

    public static void main(String[] args) {
        processCommand = "sketchfind " + String.join(" ", args);
        System.exit(run(args));
    }

    /**
     * Runs one command line and returns its exit code. With {@code --json} anywhere before {@code --}, stdout gets
     * exactly one JSON object whatever happens: the command's own, or {@code {"version": …}} for
     * {@code --version}, {@code {"usage": …}} for help, and {@code {"error": "…", "exit": N, "command": "…"}} for
     * every failure (a bad option, a refused request, a crash); the human message goes to stderr in every case.
     */
    public static int run(String... args) {
        boolean json = wantsJson(args);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        LastLine lastLine = new LastLine(stderr);
        JsonOutput.Session session = JsonOutput.begin(stdout, json);
        StringWriter help = new StringWriter();
        CommandLine[] failed = new CommandLine[1];
        int code;
        try {
            if (json) {
                PrintStream tracked = new PrintStream(lastLine, true, StandardCharsets.UTF_8);
                System.setOut(tracked); // a stray print (a library's) must not reach stdout
                System.setErr(tracked);
            }
            CommandLine cl = new CommandLine(new Main());
            if (json) {
                cl.setOut(new PrintWriter(help, true));
                cl.setParameterExceptionHandler((e, a) -> {
                    String name = commandName(e.getCommandLine());
                    String m = String.valueOf(e.getMessage()).replaceFirst("^Error: ", "");
                    String full = ("sketchfind " + name).strip();
                    System.err.println(full + ": " + m + " (see: " + full + " --help)");
                    JsonOutput.recordError(m);
                    failed[0] = e.getCommandLine();
                    return USAGE;
                });
            }
            cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
                String m = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
                System.err.println(("sketchfind " + commandName(cmd)).strip() + ": " + m);
                if (System.getenv("SKETCHFIND_DEBUG") != null) {
                    e.printStackTrace();
                }
                JsonOutput.recordError(m);
                return CliJobs.FAILED;
            });
            code = cl.execute(args);
            if (json && session.printed == 0) {
                JsonOutput.print(finalObject(failed[0] != null ? failed[0] : cl, code, session.error, lastLine.line(),
                        help.toString()), stdout);
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            JsonOutput.end();
        }
        return code;
    }

    /** The object printed when the command printed none itself: its version, its usage, or its failure. */
    private static Map<String, Object> finalObject(CommandLine cl, int code, String error, String lastLine,
                                                   String help) {
        Map<String, Object> m = new LinkedHashMap<>();
        CommandLine.ParseResult parsed = cl.getParseResult();
        CommandLine last = cl;
        if (parsed != null) {
            for (CommandLine c : parsed.asCommandLineList()) {
                last = c;
            }
        }
        if (code == 0 && parsed != null && parsed.isVersionHelpRequested()) {
            m.put("version", Sketchfind.version());
            return m;
        }
        if (code == 0) {
            if (!help.isBlank()) {
                System.err.print(help);
                m.put("usage", help);
            }
            m.put("exit", 0);
            return m;
        }
        String command = commandName(last);
        String why = error != null ? error : lastLine != null ? lastLine.replaceFirst("^sketchfind[^:]*: ", "")
                : "exit code " + code;
        if (!command.isEmpty() && why.startsWith(command + ": ")) {
            why = why.substring(command.length() + 2);
        }
        m.put("error", why);
        m.put("exit", code);
        m.put("command", command);
        return m;
    }

    /** "index status" for the subcommand's CommandLine, "" for the top level. */
    private static String commandName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName(" ").replaceFirst("^sketchfind ?", "");
    }

    /** Names this process (its command line) for other Sketchfind processes that wait for its scan. */
    static void describeProcess() {
        if (processCommand != null) {
            Sketchfind.describeProcess(processCommand);
        }
    }

    /** True if {@code --json} is among the options (before a {@code --} that ends them). */
    static boolean wantsJson(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    /** Passes bytes on to stderr and remembers the last complete line (the failure's message, if one was printed). */
    private static final class LastLine extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private String line;

        LastLine(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            track(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            target.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                track(b[i]);
            }
        }

        private void track(int b) {
            if (b == '\n') {
                String s = current.toString(StandardCharsets.UTF_8).strip();
                current.reset();
                if (!s.isEmpty()) {
                    line = s;
                }
            } else if (b == '\r') {
                current.reset(); // a progress line being redrawn: not a message
            } else {
                current.write(b);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        synchronized String line() {
            return line;
        }
    }
}
