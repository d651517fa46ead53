package org.sketchfind.app.collection;

import javafx.application.Platform;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.index.ScanListener;
import org.sketchfind.engine.index.ScanProgress;
import org.sketchfind.engine.index.ScanResult;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Moves a scan's events from the indexer's thread to the FX thread. Progress events are coalesced: however fast
 * they come, at most one is waiting for the FX thread, and it carries the newest value.
 */
final class FxScanListener implements ScanListener {
    private final Consumer<ScanProgress> onProgress;
    private final Runnable onCommitted;
    private final Consumer<ScanResult> onFinished;
    private final Consumer<Throwable> onFailed;
    private final AtomicReference<ScanProgress> latest = new AtomicReference<>();
    private final AtomicBoolean committedPending = new AtomicBoolean();

    FxScanListener(Consumer<ScanProgress> onProgress, Runnable onCommitted, Consumer<ScanResult> onFinished,
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
    public void onCodesChanged(String modelId, Catalogue.CodesChanged change) {
        if (committedPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                committedPending.set(false);
                onCommitted.run();
            });
        }
    }

    @Override
    public void onFinished(ScanResult result) {
        Platform.runLater(() -> onFinished.accept(result));
    }

    @Override
    public void onFailed(Throwable error) {
        Platform.runLater(() -> onFailed.accept(error));
    }
}
