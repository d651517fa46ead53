package org.sketchfind.engine.cli;

import org.sketchfind.engine.Job;
import org.sketchfind.engine.JobListener;
import org.sketchfind.engine.Progress;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/** How a command waits for an engine job and reports its failure: one line on stderr and an exit code. */
final class CliJobs {
    /** Exit code of a request the engine refused as given (bad setting, missing split, run folder mismatch). */
    static final int REFUSED = 2;
    /** Exit code of a failure while running (unreadable file, broken model, I/O). */
    static final int FAILED = 1;
    /** Exit code of an interrupted or cancelled command. */
    static final int INTERRUPTED = 130;

    private CliJobs() {
    }

    /** A listener that prints the job's log lines on stderr (its progress events are left to the log lines). */
    static <E> JobListener<E> logToStderr() {
        return new JobListener<>() {
            @Override
            public void onLog(String line) {
                System.err.println(line);
            }
        };
    }

    /** {@link #logToStderr()} for research jobs. */
    static JobListener<Progress> log() {
        return logToStderr();
    }

    /**
     * Waits for {@code job}, cancelling it if the process is asked to stop (Ctrl-C, kill) and giving it up to
     * {@code graceSeconds} to stop cleanly (a training run writes its checkpoint).
     */
    static <R> R awaitCancellingOnExit(Job<R> job, int graceSeconds) throws IOException, InterruptedException {
        Thread hook = new Thread(() -> {
            job.cancel();
            try {
                job.future().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the process is going down; whatever the job managed to write stays
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /**
     * Prints "sketchfind COMMAND: cause" on stderr (and keeps the cause for {@code --json}'s error object) and
     * returns the exit code for {@code failure}.
     */
    static int fail(String command, Exception failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String m = failure.getMessage();
        return fail(command, m == null || m.isBlank() ? failure.toString() : m, exitCode(failure));
    }

    /** Prints "sketchfind COMMAND: message" on stderr, keeps it for {@code --json}, and returns {@code exit}. */
    static int fail(String command, String message, int exit) {
        System.err.println("sketchfind " + command + ": " + message);
        JsonOutput.recordError(message);
        return exit;
    }

    static int exitCode(Exception failure) {
        if (failure instanceof InterruptedException || failure instanceof CancellationException) {
            return INTERRUPTED;
        }
        return failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                ? REFUSED : FAILED;
    }
}
