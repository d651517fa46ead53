package org.sketchfind.engine;

/**
 * Receives a job's progress events and log lines, on the engine's thread: keep handlers short and hand the events
 * over to your own thread (the app: the FX thread, coalescing fast events). Never block in them: a paused job waits
 * on its own.
 *
 * @param <E> the job's progress event ({@link ScanProgress}, {@link TrainingEvent}, {@link Progress})
 */
public interface JobListener<E> {
    /** A progress event (plain value). */
    default void onProgress(E event) {
    }

    /** A line for a log (the command line prints it on stderr). */
    default void onLog(String line) {
    }

    /** A listener that ignores everything. */
    static <E> JobListener<E> none() {
        return new JobListener<>() {
        };
    }
}
