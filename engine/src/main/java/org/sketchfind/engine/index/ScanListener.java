package org.sketchfind.engine.index;

/**
 * Receives a scan's events on the indexer's own thread: keep handlers short and hand the event over to your
 * thread (the app: {@code Platform.runLater}). Never block in them.
 */
public interface ScanListener {
    void onProgress(ScanProgress progress);

    /**
     * After each committed transaction: photos that gained or changed a code of {@code modelId}, and photos whose
     * codes are gone (deleted files, files now skipped). An in-memory Hamming index applies these to stay current
     * while the scan runs. Renames and moves change no code and are not reported here.
     */
    default void onCodesChanged(String modelId, Catalogue.CodesChanged change) {
    }

    /**
     * The scan waits for another one on the same catalogue (another process, e.g. the app or {@code index add},
     * or another scan in this one) before it starts; {@code message} says which process, for people.
     */
    default void onWaiting(String message) {
    }

    default void onFinished(ScanResult result) {
    }

    default void onFailed(Throwable error) {
    }

    ScanListener NONE = p -> { };
}
