package org.sketchfind.app.collection;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sketchfind.app.event.CollectionStatus;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.IndexingProgress;
import org.sketchfind.app.demo.DemoCollection;
import org.sketchfind.app.kit.Background;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.index.CatalogueService;
import org.sketchfind.engine.index.ScanHandle;
import org.sketchfind.engine.index.ScanProgress;
import org.sketchfind.engine.index.ScanResult;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The collection as the UI sees it: folders, skipped files, totals and the running scan, as FX properties. Every
 * call into the catalogue runs on a background thread; scan events arrive through {@link FxScanListener}. FX
 * thread only.
 */
public final class CollectionModel {
    private final CatalogueService service;
    private final EventBus bus;
    private final Background io;
    private final ObservableList<Catalogue.Folder> folders = FXCollections.observableArrayList();
    private final ObservableList<Catalogue.Skipped> skipped = FXCollections.observableArrayList();
    private final LongProperty photos = new SimpleLongProperty(this, "photos");
    private final LongProperty encoded = new SimpleLongProperty(this, "encoded");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObjectProperty<ScanProgress> progress = new SimpleObjectProperty<>(this, "progress");
    private final ObjectProperty<ScanResult> lastResult = new SimpleObjectProperty<>(this, "lastResult");
    private final ObjectProperty<ScanHandle> handle = new SimpleObjectProperty<>(this, "handle");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final ObjectProperty<Catalogue.Status> status = new SimpleObjectProperty<>(this, "status");
    private final java.util.Set<ScanHandle> active = new java.util.LinkedHashSet<>();

    public CollectionModel(CatalogueService service, EventBus bus, Background io) {
        this.service = service;
        this.bus = bus;
        this.io = io;
        model.set(service.encoder().displayName());
    }

    /** At start: registers the demo collection under {@code repoRoot} on a first start (see
     * {@link DemoCollection}), or finishes an interrupted scan; then watches the folders and loads the totals. */
    public void start(Path repoRoot) {
        call(() -> {
            Path demo = DemoCollection.folderToRegister(service, repoRoot);
            if (demo != null) {
                return service.addFolder(demo, listenerFor());
            }
            return service.scanUnfinished() ? service.rescan(listenerFor()) : null;
        });
        io.call(() -> service.watch(watchListener()), w -> { }, this::fail);
        refresh();
    }

    public void addFolder(Path folder) {
        call(() -> service.addFolder(folder, listenerFor()));
    }

    public void removeFolder(Path folder) {
        call(() -> service.removeFolder(folder, listenerFor()));
    }

    public void rescan() {
        call(() -> service.rescan(listenerFor()));
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
            progressed(new ScanProgress(p.phase(), p.filesSeen(), p.total(), p.done(), p.encoded(), p.skipped(),
                    p.photosPerSecond(), p.etaSeconds(), paused));
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

    private void apply(Catalogue.Status s) {
        folders.setAll(s.folders());
        skipped.setAll(s.skipped());
        photos.set(s.photos());
        encoded.set(s.encoded());
        model.set(service.encoder().displayName());
        status.set(s);
        bus.publish(new CollectionStatus(service.encoder().displayName(), s.bits(), s.photos(), s.encoded(), s.folders().size()));
    }

    /** Runs a call that may start a scan; the returned handle becomes the one pause/cancel act on. */
    private void call(Callable<ScanHandle> work) {
        io.call(work, h -> {
            if (h != null && !h.isDone()) {
                active.add(h);
                handle.set(h);
            }
            refresh();
        }, this::fail);
    }

    private FxScanListener listenerFor() {
        return new FxScanListener(this::progressed, this::refresh, this::finished, this::failed);
    }

    private FxScanListener watchListener() {
        return new FxScanListener(this::progressed, this::refresh, this::finished, this::failed);
    }

    private void progressed(ScanProgress p) {
        progress.set(p);
        bus.publish(new IndexingProgress(p));
    }

    private void finished(ScanResult r) {
        if (r != null) {
            lastResult.set(r);
        }
        active.removeIf(ScanHandle::isDone);
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

    public ObservableList<Catalogue.Folder> folders() {
        return folders;
    }

    public ObservableList<Catalogue.Skipped> skipped() {
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

    public ReadOnlyObjectProperty<ScanResult> lastResultProperty() {
        return lastResult;
    }

    public ReadOnlyObjectProperty<ScanHandle> handleProperty() {
        return handle;
    }

    public ReadOnlyObjectProperty<Catalogue.Status> statusProperty() {
        return status;
    }

    /** The last error (cannot add a folder, catalogue failure), or null. */
    public StringProperty errorProperty() {
        return error;
    }
}
