package org.sketchfind.app.collection;

import javafx.application.Platform;
import org.sketchfind.engine.CollectionListener;
import org.sketchfind.engine.ScanProgress;
import org.sketchfind.engine.ScanReport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Moves a collection's scan events from the indexer's thread to the FX thread. Progress events are coalesced:
 * however fast they come, at most one is waiting for the FX thread, and it carries the newest value.
 */
final class FxScanListener implements CollectionListener {
    private final Consumer<ScanProgress> onProgress;
    private final Runnable onCommitted;
    private final Consumer<ScanReport> onFinished;
    private final Consumer<Throwable> onFailed;
    private final AtomicReference<ScanProgress> latest = new AtomicReference<>();
    private final AtomicBoolean committedPending = new AtomicBoolean();

    FxScanListener(Consumer<ScanProgress> onProgress, Runnable onCommitted, Consumer<ScanReport> onFinished,
                   Consumer<Throwable> onFailed) {
        this.onProgress = onProgress;
        this.onCommitted = onCommitted;
        this.onFinished = onFinished;
        this.onFailed = onFailed;
    }

    @Override
    public void onProgress(ScanProgress progress) {
        if (latest.getAndSet(progress) == null) {
            Platform.runLater(() -> onProgress.accept(latest.getAndSet(null)));
        }
    }

    @Override
    public void onCodesChanged() {
        if (committedPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                committedPending.set(false);
                onCommitted.run();
            });
        }
    }

    @Override
    public void onFinished(ScanReport report) {
        Platform.runLater(() -> onFinished.accept(report));
    }

    @Override
    public void onFailed(Throwable error) {
        Platform.runLater(() -> onFailed.accept(error));
    }
}
