package org.sketchfind.app.collection;

import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sketchfind.app.event.CollectionTotals;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.IndexingProgress;
import org.sketchfind.app.demo.DemoCollection;
import org.sketchfind.app.kit.Background;
import org.sketchfind.engine.CollectionStatus;
import org.sketchfind.engine.Job;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.ScanProgress;
import org.sketchfind.engine.ScanReport;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The collection as the UI sees it: folders, skipped files, totals and the running scan, as FX properties. Every
 * call into the engine's {@link PhotoCollection} runs on a background thread; scans are the engine's jobs, and their
 * events arrive through {@link FxScanListener}. FX thread only.
 */
public final class CollectionModel {
    private final PhotoCollection service;
    private final EventBus bus;
    private final Background io;
    private final ObservableList<CollectionStatus.Folder> folders = FXCollections.observableArrayList();
    private final ObservableList<CollectionStatus.Skipped> skipped = FXCollections.observableArrayList();
    private final LongProperty photos = new SimpleLongProperty(this, "photos");
    private final LongProperty encoded = new SimpleLongProperty(this, "encoded");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObjectProperty<ScanProgress> progress = new SimpleObjectProperty<>(this, "progress");
    private final ObjectProperty<ScanReport> lastResult = new SimpleObjectProperty<>(this, "lastResult");
    private final ObjectProperty<Job<ScanReport>> handle = new SimpleObjectProperty<>(this, "handle");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final ObjectProperty<CollectionStatus> status = new SimpleObjectProperty<>(this, "status");
    private final java.util.Set<Job<ScanReport>> active = new java.util.LinkedHashSet<>();

    public CollectionModel(PhotoCollection service, EventBus bus, Background io) {
        this.service = service;
        this.bus = bus;
        this.io = io;
        model.set(service.model());
    }

    /** At start: registers the demo collection under {@code repoRoot} on a first start (see
     * {@link DemoCollection}), or finishes an interrupted scan; then watches the folders and loads the totals. */
    public void start(Path repoRoot) {
        call(() -> service.startUp(DemoCollection.folder(repoRoot), listenerFor()).orElse(null));
        io.call(() -> {
            service.watch(listenerFor());
            return null;
        }, w -> { }, this::fail);
        refresh();
    }

    public void addFolder(Path folder) {
        track(service.addFolder(folder, listenerFor()));
    }

    public void removeFolder(Path folder) {
        track(service.removeFolder(folder, listenerFor()));
    }

    public void rescan() {
        track(service.rescan(listenerFor()));
    }

    public void pause() {
        if (handle.get() != null) {
            handle.get().pause();
            showPaused(true);
        }
    }

    public void resume() {
        if (handle.get() != null) {
            handle.get().resume();
            showPaused(false);
        }
    }

    /** The scan sends no event while it waits, so the UI shows the new state at once. */
    private void showPaused(boolean paused) {
        ScanProgress p = progress.get();
        if (p != null) {
            progressed(p.withPaused(paused));
        }
    }

    public void cancel() {
        if (handle.get() != null) {
            handle.get().cancel();
        }
    }

    /** Reloads folders, skipped files and totals. */
    public void refresh() {
        io.call(service::status, this::apply, this::fail);
    }

    private void apply(CollectionStatus s) {
        folders.setAll(s.folders());
        skipped.setAll(s.skipped());
        photos.set(s.photos());
        encoded.set(s.encoded());
        model.set(s.model());
        status.set(s);
        bus.publish(new CollectionTotals(s.model(), s.bits(), s.photos(), s.encoded(), s.folders().size()));
    }

    /** Runs a call that may start a scan off the FX thread; the job it returns is tracked. */
    private void call(Callable<Job<ScanReport>> work) {
        io.call(work, this::track, this::fail);
    }

    /** A scan job (it runs on the engine's threads) becomes the one pause/cancel act on; a failure is shown. */
    private void track(Job<ScanReport> job) {
        if (job != null && !job.isDone()) {
            active.add(job);
            handle.set(job);
            job.future().whenComplete((r, t) -> {
                if (t != null) {
                    Platform.runLater(() -> failed(t)); // e.g. a folder that vanished before its scan began
                }
            });
        }
        refresh();
    }

    private FxScanListener listenerFor() {
        return new FxScanListener(this::progressed, this::refresh, this::finished, this::failed);
    }

    private void progressed(ScanProgress p) {
        progress.set(p);
        bus.publish(new IndexingProgress(p));
    }

    private void finished(ScanReport r) {
        if (r != null) {
            lastResult.set(r);
        }
        active.removeIf(Job::isDone);
        if (active.isEmpty()) {
            handle.set(null);
            progressed(null);
        } else {
            handle.set(active.iterator().next());
        }
        refresh();
    }

    private void failed(Throwable t) {
        finished(null);
        fail(t);
    }

    private void fail(Throwable t) {
        String m = t.getMessage();
        error.set(m == null || m.isBlank() ? t.toString() : m);
    }

    public ObservableList<CollectionStatus.Folder> folders() {
        return folders;
    }

    public ObservableList<CollectionStatus.Skipped> skipped() {
        return skipped;
    }

    public LongProperty photosProperty() {
        return photos;
    }

    public LongProperty encodedProperty() {
        return encoded;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ReadOnlyObjectProperty<ScanProgress> progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<ScanReport> lastResultProperty() {
        return lastResult;
    }

    public ReadOnlyObjectProperty<Job<ScanReport>> handleProperty() {
        return handle;
    }

    public ReadOnlyObjectProperty<CollectionStatus> statusProperty() {
        return status;
    }

    /** The last error (cannot add a folder, catalogue failure), or null. */
    public StringProperty errorProperty() {
        return error;
    }
}
