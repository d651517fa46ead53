package org.sketchfind.engine.index;

import org.sketchfind.engine.job.CancellationToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The photo collection as the facade hands it to the app and the command line: the catalogue, its indexer with the
 * active encoder, and (while the app runs) a folder watcher. Close it to stop its threads and the database.
 */
public final class CatalogueService implements AutoCloseable {
    private final Catalogue catalogue;
    private final Indexer.Options options;
    private final Indexer indexer;
    private final PhotoSearch search;
    private FolderWatcher watcher;

    public CatalogueService(Catalogue catalogue, PhotoEncoder encoder, Indexer.Options options) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.options = Objects.requireNonNull(options);
        this.indexer = new Indexer(catalogue, encoder, options);
        this.search = new PhotoSearch(catalogue, encoder.modelId(), encoder.bits());
    }

    /**
     * A service on the same catalogue (same database, same folders) with another encoder and its own indexer and
     * search: what switching the active model builds, while this one keeps serving searches on its own codes.
     * Close the one no longer needed with {@link #closeKeepingCatalogue()}.
     */
    public CatalogueService withEncoder(PhotoEncoder encoder) {
        return new CatalogueService(catalogue, encoder, options);
    }

    /** Opens the catalogue in {@code dataDir} (null: the per-user default of {@link DataDirs}) with
     * {@code encoder} encoding the photos. */
    public static CatalogueService open(Path dataDir, PhotoEncoder encoder) throws IOException {
        Path dir = dataDir != null ? dataDir : DataDirs.defaultDataDir();
        return new CatalogueService(Catalogue.open(dir), encoder, Indexer.Options.defaults());
    }

    /** Names this process for others that wait for its scans ("pid 1234: WHAT, scanning since …"). */
    public static void describeProcess(String what) {
        System.setProperty(ScanLock.PROCESS_PROPERTY, what);
    }

    /** Whether {@code dataDir} holds a catalogue (its database file); looks only, creates nothing. */
    public static boolean exists(Path dataDir) {
        return java.nio.file.Files.isRegularFile(dataDir.resolve(Catalogue.DB_FILE));
    }

    /** Search over the photos' codes of this service's encoder; kept current by every scan this service runs. */
    public PhotoSearch search() {
        return search;
    }

    /** Passes events on to {@code listener} and drops the search index whenever a batch of codes is committed. */
    private ScanListener invalidating(ScanListener listener) {
        return new ScanListener() {
            @Override
            public void onProgress(ScanProgress progress) {
                if (listener != null) {
                    listener.onProgress(progress);
                }
            }

            @Override
            public void onCodesChanged(String modelId, Catalogue.CodesChanged change) {
                search.invalidate();
                if (listener != null) {
                    listener.onCodesChanged(modelId, change);
                }
            }

            @Override
            public void onWaiting(String message) {
                if (listener != null) {
                    listener.onWaiting(message);
                }
            }

            @Override
            public void onFinished(ScanResult result) {
                search.invalidate();
                if (listener != null) {
                    listener.onFinished(result);
                }
            }

            @Override
            public void onFailed(Throwable error) {
                if (listener != null) {
                    listener.onFailed(error);
                }
            }
        };
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Indexer indexer() {
        return indexer;
    }

    public PhotoEncoder encoder() {
        return indexer.encoder();
    }

    /** Registers a folder and starts scanning it (and every other registered folder) in the background. */
    public ScanHandle addFolder(Path folder, ScanListener listener) throws IOException {
        return addFolder(folder, listener, new CancellationToken());
    }

    /** {@link #addFolder(Path, ScanListener)}, paused and cancelled through {@code token}. */
    public ScanHandle addFolder(Path folder, ScanListener listener, CancellationToken token) throws IOException {
        return indexer.addFolder(folder, invalidating(listener), token);
    }

    /** Starts an incremental scan of every registered folder in the background (also what finishes a scan that was
     * interrupted, e.g. by a kill). */
    public ScanHandle rescan(ScanListener listener) {
        return rescan(listener, new CancellationToken());
    }

    /** {@link #rescan(ScanListener)}, paused and cancelled through {@code token}. */
    public ScanHandle rescan(ScanListener listener, CancellationToken token) {
        return indexer.rescan(invalidating(listener), token);
    }

    /** Unregisters a folder and forgets its photos and codes (the files are untouched); the scan this starts
     * prunes thumbnails nobody needs any more. Returns null if the folder was not registered. */
    public ScanHandle removeFolder(Path folder, ScanListener listener) throws IOException {
        return removeFolder(folder, listener, new CancellationToken());
    }

    /** {@link #removeFolder(Path, ScanListener)}, paused and cancelled through {@code token}. */
    public ScanHandle removeFolder(Path folder, ScanListener listener, CancellationToken token) throws IOException {
        return catalogue.removeFolder(folder) ? indexer.rescan(invalidating(listener), token) : null;
    }

    /** True when a folder's last scan did not finish (killed, cancelled, never run): the app calls
     * {@link #rescan} at start when this holds. */
    public boolean scanUnfinished() throws IOException {
        return catalogue.folders().stream().anyMatch(f -> !f.scanComplete());
    }

    /**
     * Whether some photo has a code of the encoder's model but not the outputs the encoder gives (a catalogue written
     * before outputs were stored): a rescan encodes those photos again.
     */
    public boolean outputsMissing() throws IOException {
        PhotoEncoder e = encoder();
        return e.hasOutputs() && catalogue.hasCodesWithoutOutputs(e.modelId());
    }

    public Catalogue.Status status() throws IOException {
        return catalogue.status(encoder().modelId(), encoder().bits());
    }

    /** Starts watching the registered folders; every debounced change queues an incremental rescan. */
    public synchronized FolderWatcher watch(ScanListener listener) throws IOException {
        if (watcher == null) {
            watcher = FolderWatcher.forCatalogue(catalogue, () -> indexer.requestRescan(invalidating(listener))).start();
        }
        return watcher;
    }

    /** Whether the folder watcher runs. */
    public synchronized boolean watching() {
        return watcher != null;
    }

    /** Stops the watcher and the indexer (a running batch finishes its transaction); the catalogue stays open. */
    public synchronized void closeKeepingCatalogue() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        indexer.close();
    }

    @Override
    public synchronized void close() {
        closeKeepingCatalogue();
        catalogue.close();
    }
}
