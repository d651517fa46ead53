package org.sketchfind.engine.index;

/**
 * Receives a scan's events on the indexer's own thread: keep handlers short and hand the event over to your
 * thread (the app: {@code Platform.runLater}). Never block in them.
 */
public interface ScanListener {
    void onProgress(ScanProgress progress);

    default void onFinished(ScanResult result) {
    }

    default void onFailed(Throwable error) {
    }

    ScanListener NONE = p -> { };
}
