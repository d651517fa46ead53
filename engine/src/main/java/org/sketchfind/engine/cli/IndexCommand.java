package org.sketchfind.engine.cli;

import org.sketchfind.engine.CollectionListener;
import org.sketchfind.engine.CollectionStatus;
import org.sketchfind.engine.Job;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.ScanProgress;
import org.sketchfind.engine.ScanReport;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./sketchfind index add|status|rescan|remove}: the photo catalogue from the command line. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Catalogue your photo folders (add, status, rescan).",
        subcommands = {IndexCommand.Add.class, IndexCommand.Status.class, IndexCommand.Rescan.class,
                IndexCommand.Remove.class})
public final class IndexCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Options every index subcommand takes. */
    static class Common {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Catalogue folder (default: the per-user data folder, e.g. ~/.local/share/sketchfind).")
        Path dataDir;

        @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
        boolean json;

        @Option(names = "--model", paramLabel = "FILE",
                description = "Model that encodes the photos (default: the shipped model).")
        Path model;

        /**
         * Opens the collection (the model loads only if something is encoded; a catalogue is created only if
         * {@code create}, else a folder without one is refused), runs {@code body} on it and closes it; a failure
         * becomes the one-line message "sketchfind index SUBCOMMAND: cause" on stderr and its exit code.
         */
        int run(String subcommand, boolean create, Body body) {
            Main.describeProcess();
            try (Sketchfind engine = new Sketchfind(model);
                 PhotoCollection c = engine.openCollectionLazily(dataDir, create)) {
                return body.apply(c);
            } catch (IOException | RuntimeException | InterruptedException e) {
                int code = CliJobs.exitCode(e);
                return CliJobs.fail("index " + subcommand, failureMessage(e),
                        code == CliJobs.REFUSED && !(e instanceof IllegalArgumentException) ? CliJobs.FAILED : code);
            }
        }
    }

    private static String failureMessage(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }

    /** What an index subcommand does with the open collection; returns the exit code. */
    interface Body {
        int apply(PhotoCollection collection) throws IOException, InterruptedException;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Register FOLDER and catalogue every image under it (incremental; safe to interrupt).")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FOLDER")
        Path folder;

        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            if (!Files.isDirectory(folder)) {
                return CliJobs.fail("index add", "not a folder: " + folder, CliJobs.REFUSED);
            }
            // the folder is registered before the model loads: a kill from here on leaves a scan to finish
            return common.run("add", true, c -> runScan(c, c.addFolder(folder, progressLine()), common.json));
        }
    }

    @Command(name = "rescan", mixinStandardHelpOptions = true,
            description = "Bring the catalogue up to date with every registered folder (finishes interrupted scans).")
    static final class Rescan implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return common.run("rescan", false, c -> {
                if (c.status().folders().isEmpty()) {
                    // e.g. an index add killed before it registered its folder: nothing of it was kept
                    System.err.println("sketchfind index rescan: no folders are registered in " + c.dataDir()
                            + ", nothing to scan (index add FOLDER registers one)");
                }
                return runScan(c, c.rescan(progressLine()), common.json);
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Forget FOLDER and its photos (the files themselves are not touched).")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FOLDER")
        Path folder;

        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return common.run("remove", false,
                    c -> runScan(c, c.removeFolder(folder, progressLine()), common.json));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Photos catalogued, encoded by the active model, and skipped files with their causes.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return common.run("status", false, c -> {
                CollectionStatus st = c.status();
                if (common.json) {
                    JsonOutput.print(statusJson(st), System.out);
                } else {
                    PrintStream out = System.out;
                    out.printf(Locale.ROOT, "catalogue: %s%n", st.dataDir());
                    out.printf(Locale.ROOT, "model:     %s (%d bits)%n", st.modelId(), st.bits());
                    out.printf(Locale.ROOT, "photos:    %d (%d encoded)%n", st.photos(), st.encoded());
                    for (CollectionStatus.Folder f : st.folders()) {
                        out.printf(Locale.ROOT, "folder:    %s [%s]%n", f.path(), f.scanState());
                    }
                    out.printf(Locale.ROOT, "skipped:   %d%n", st.skipped().size());
                    for (CollectionStatus.Skipped s : st.skipped()) {
                        out.printf(Locale.ROOT, "  %s: %s%n", s.file(), s.cause());
                    }
                }
                return 0;
            });
        }
    }

    static Map<String, Object> statusJson(CollectionStatus st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("photos", st.photos());
        m.put("encoded", st.encoded());
        List<Map<String, String>> skipped = new ArrayList<>();
        for (CollectionStatus.Skipped s : st.skipped()) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("file", s.file());
            e.put("cause", s.cause());
            skipped.add(e);
        }
        m.put("skipped", skipped);
        m.put("model", st.modelId());
        m.put("bits", st.bits());
        List<Map<String, Object>> folders = new ArrayList<>();
        for (CollectionStatus.Folder f : st.folders()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", f.path().toString());
            e.put("scan_state", f.scanState());
            folders.add(e);
        }
        m.put("folders", folders);
        m.put("data_dir", st.dataDir().toString());
        m.put("scan", null); // the scan this command ran, if any (always present: the documented keys)
        return m;
    }

    /** Waits for a scan, prints its summary on stderr and, with {@code --json}, the status with the scan. */
    static int runScan(PhotoCollection c, Job<ScanReport> job, boolean json) throws IOException {
        ScanReport r;
        try {
            r = job.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CliJobs.fail("index", "interrupted (committed batches are kept; run index rescan)",
                    CliJobs.INTERRUPTED);
        }
        System.err.printf(Locale.ROOT, "indexed in %.1f s: %d files, %d new, %d updated, %d moved, %d removed,"
                        + " %d skipped, %d encoded, %d unchanged%n", r.seconds(), r.filesSeen(), r.added(),
                r.updated(), r.moved(), r.removed(), r.skipped(), r.encoded(), r.unchanged());
        for (CollectionStatus.Skipped p : r.problems()) {
            System.err.println("  problem: " + p.file() + ": " + p.cause());
        }
        if (json) {
            Map<String, Object> m = statusJson(c.status());
            Map<String, Object> scan = new LinkedHashMap<>();
            scan.put("files", r.filesSeen());
            scan.put("added", r.added());
            scan.put("updated", r.updated());
            scan.put("moved", r.moved());
            scan.put("removed", r.removed());
            scan.put("skipped", r.skipped());
            scan.put("encoded", r.encoded());
            scan.put("reused", r.reused());
            scan.put("unchanged", r.unchanged());
            scan.put("seconds", r.seconds());
            m.put("scan", scan);
            JsonOutput.print(m, System.out);
        }
        return 0;
    }

    /**
     * Progress on stderr: on a terminal one line redrawn at most 4 times a second; elsewhere (a log file, a pipe)
     * plain lines, one per phase and at most one every 10 s, without escape codes. Log lines (e.g. that the scan
     * waits for another process) are printed as they come.
     */
    static CollectionListener progressLine() {
        return progressLine(System.err, Terminal.stderrIsTerminal());
    }

    static CollectionListener progressLine(PrintStream err, boolean terminal) {
        return new CollectionListener() {
            private long last;
            private ScanProgress.Phase phase;
            private boolean drawn;

            @Override
            public void onProgress(ScanProgress p) {
                long now = System.nanoTime();
                boolean end = p.phase() == ScanProgress.Phase.DONE;
                boolean newPhase = p.phase() != phase;
                phase = p.phase();
                if (!end && !newPhase && now - last < (terminal ? 250_000_000L : 10_000_000_000L)) {
                    return;
                }
                last = now;
                String line = switch (p.phase()) {
                    case WALKING -> "listing folders...";
                    case CLEANING -> "dropping removed files...";
                    default -> String.format(Locale.ROOT, "indexing %d/%d (%.0f%%) %.1f photos/s ETA %s, %d skipped",
                            p.done(), p.total(), p.total() == 0 ? 100.0 : 100.0 * p.done() / p.total(),
                            p.photosPerSecond(), p.etaSeconds() < 0 ? "?" : String.format(Locale.ROOT, "%.0fs",
                                    p.etaSeconds()), p.skipped());
                };
                if (terminal) {
                    err.print("\r" + line + "\033[K");
                    drawn = !end;
                    if (end) {
                        err.println();
                    }
                } else if (!end) {
                    err.println(line);
                }
                err.flush();
            }

            @Override
            public void onLog(String message) {
                if (terminal && drawn) {
                    err.print("\r\033[K");
                }
                err.println(message);
                err.flush();
            }
        };
    }
}
