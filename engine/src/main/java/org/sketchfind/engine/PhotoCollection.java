package org.sketchfind.engine;

import org.sketchfind.engine.code.QueryExpansion;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.index.CatalogueService;
import org.sketchfind.engine.index.PhotoEncoder;
import org.sketchfind.engine.index.PhotoSearch;
import org.sketchfind.engine.index.ScanListener;
import org.sketchfind.engine.index.ScanResult;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The photo collection: the catalogue of registered folders, its scans (as {@link Job}s, pausable), its folder
 * watcher and sketch search, encoded by one model at a time. Obtained from {@link Sketchfind#openCollection}; close
 * it to stop its threads and the database. {@link #activate} switches the model: the collection is re-encoded as a
 * job while searches keep using the old model and its codes, and the new model takes over when its codes are
 * complete. The blocking calls ({@link #status()}, {@link #search}, {@link #startUp}, {@link #watch}) are short but
 * touch the disk or the model: call them off a UI thread. Thread-safe.
 */
public final class PhotoCollection implements AutoCloseable {
    /**
     * k of the search's optional refinement (query expansion with the k nearest photos, {@link QueryExpansion};
     * {@code expand} of {@link #search(Sketch, int, int)}), chosen on held-out seen classes with 25 photos per class.
     * Off by default: on seen classes with 3 photos per class it lowered mAP (docs/zsih-model-and-training.md).
     */
    public static final int DEFAULT_EXPAND = QueryExpansion.DEFAULT_K;
    /** Catalogue setting that remembers the demo collection was offered (so a user who removes it is not asked again). */
    static final String DEMO_OFFERED = "app.demo-collection-offered";

    /** Encodes one sketch image with the collection's model (serialised with the model's other callers). */
    interface SketchCoder {
        long[] encode(BufferedImage sketch) throws IOException;

        /** The sketch encoder's outputs minus Eq. 9's threshold, or null where the model has none. */
        default float[] margins(BufferedImage sketch) throws IOException {
            return null;
        }
    }

    /**
     * Drawings rank by the cosine of the sketch's and the photos' real-valued outputs
     * ({@link org.sketchfind.engine.code.CosineScore}) where the model has them and every photo's are stored, else by
     * asymmetric scores ({@link org.sketchfind.engine.code.AsymmetricScore}: the sketch's outputs against the photos'
     * codes) where the model has sketch outputs, else by Hamming distance; query expansion always ranks by Hamming
     * distance. Each step was chosen by a rule written before any figure, on held-out seen classes (mAP: Hamming
     * 0.3095, asymmetric 0.3340 (R4), real-valued 0.3682 (R7); docs/zsih-model-and-training.md). A hit's distance is in
     * bits whichever ranked it ({@code AsymmetricScore#distance}, {@code CosineScore#distance}).
     */
    public static final SearchRanking DEFAULT_RANKING = SearchRanking.REAL_VALUED;

    /** A model as the collection uses it: photo encoder f for the catalogue, sketch encoder g, and its file. */
    record Binding(PhotoEncoder photos, SketchCoder sketches, Path file) {
    }

    /** Loads a model file into a binding (on a job's thread: seconds). */
    interface ModelLoader {
        Binding load(Path file) throws IOException;
    }

    /** The model in use and the service (indexer, search) over its codes; replaced as a whole on a switch. */
    private record Active(CatalogueService service, Binding binding) {
    }

    private final Jobs jobs;
    private final boolean ownsJobs;
    private final ModelLoader loader;
    private volatile Active active;
    private CollectionListener watchListener;

    PhotoCollection(CatalogueService service, SketchCoder sketches, Jobs jobs, boolean ownsJobs) {
        this(service, new Binding(service.encoder(), sketches, null), jobs, ownsJobs, null);
    }

    PhotoCollection(CatalogueService service, Binding binding, Jobs jobs, boolean ownsJobs, ModelLoader loader) {
        this.active = new Active(Objects.requireNonNull(service), Objects.requireNonNull(binding));
        this.jobs = jobs;
        this.ownsJobs = ownsJobs;
        this.loader = loader;
    }

    private CatalogueService service() {
        return active.service();
    }

    /** The folder holding the catalogue and its thumbnails. */
    public Path dataDir() {
        return service().catalogue().dataDir();
    }

    /** The file of the model in use, or null for a collection built without one (test fixtures). */
    public Path modelFile() {
        return active.binding().file();
    }

    /** The name of the model that encodes the photos (and the sketches searched with). */
    public String model() {
        return service().encoder().displayName();
    }

    /** The model's stable id (codes are stored per id). */
    public String modelId() {
        return service().encoder().modelId();
    }

    public int bits() {
        return service().encoder().bits();
    }

    public CollectionStatus status() throws IOException {
        Catalogue.Status st = service().status();
        List<CollectionStatus.Folder> folders = st.folders().stream()
                .map(f -> new CollectionStatus.Folder(f.path(), f.scanState(), f.scanFinishedAt())).toList();
        return new CollectionStatus(st.model(), model(), st.bits(), st.photos(), st.encoded(), folders,
                skipped(st.skipped()), dataDir());
    }

    /** Registers {@code folder} and scans it (and every other registered folder). Pausable. */
    public Job<ScanReport> addFolder(Path folder, CollectionListener listener) {
        return jobs.startAsync("index " + folder, true,
                token -> service().addFolder(folder, scanListener(listener), token).future()
                        .thenApply(PhotoCollection::report));
    }

    /** Brings the catalogue up to date with every registered folder (also what finishes an interrupted scan). */
    public Job<ScanReport> rescan(CollectionListener listener) {
        return jobs.startAsync("rescan", true,
                token -> service().rescan(scanListener(listener), token).future().thenApply(PhotoCollection::report));
    }

    /**
     * Forgets {@code folder} and its photos and codes (the files are untouched); fails with an
     * IllegalArgumentException if it is not registered.
     */
    public Job<ScanReport> removeFolder(Path folder, CollectionListener listener) {
        return jobs.startAsync("remove " + folder, true, token -> {
            var handle = service().removeFolder(folder, scanListener(listener), token);
            if (handle == null) {
                throw new IllegalArgumentException("not a registered folder: " + folder);
            }
            return handle.future().thenApply(PhotoCollection::report);
        });
    }

    /**
     * What the app does when it starts: on the very first start with an empty catalogue it registers
     * {@code demoFolder} (if that folder exists) and scans it, remembering it did, so that a user who removes the demo
     * does not get it back; otherwise it finishes a scan that did not complete (killed, cancelled), or rescans a
     * catalogue whose photos have codes but not the outputs the model gives (written by an earlier version; the
     * search ranks it by asymmetric scores meanwhile). Empty when there is nothing to do. Blocks on the catalogue
     * briefly.
     */
    public Optional<Job<ScanReport>> startUp(Path demoFolder, CollectionListener listener) throws IOException {
        if (demoToRegister(demoFolder)) {
            return Optional.of(addFolder(demoFolder, listener));
        }
        return service().scanUnfinished() || service().outputsMissing() ? Optional.of(rescan(listener))
                : Optional.empty();
    }

    private boolean demoToRegister(Path demoFolder) throws IOException {
        Catalogue c = service().catalogue();
        if (c.setting(DEMO_OFFERED) != null) {
            return false;
        }
        if (!c.folders().isEmpty()) {
            c.setSetting(DEMO_OFFERED, "true"); // the user has a collection: never add the demo
            return false;
        }
        if (demoFolder == null || !Files.isDirectory(demoFolder)) {
            return false; // not shipped (yet): try again at the next start
        }
        c.setSetting(DEMO_OFFERED, "true");
        return true;
    }

    /** Watches the registered folders: every change queues an incremental rescan, reported to {@code listener}. */
    public void watch(CollectionListener listener) throws IOException {
        synchronized (this) {
            watchListener = listener;
        }
        service().watch(scanListener(listener));
    }

    /**
     * Makes the model in {@code modelFile} the collection's model: loads it, encodes every photo that has no code of
     * it yet (reusing codes from an earlier switch), and only then switches searches, the status and the folder
     * watcher over to it. Until the job completes, searches use the old model and its codes. A cancelled or failed
     * switch leaves the old model in place (the codes committed so far are kept for the next try). Pausable.
     */
    public Job<ScanReport> activate(Path modelFile, CollectionListener listener) {
        Objects.requireNonNull(modelFile, "modelFile");
        return jobs.startAsync("activate " + modelFile.getFileName(), true, token -> {
            if (loader == null) {
                throw new UnsupportedOperationException("this collection has no model loader: it cannot switch");
            }
            Binding next = loader.load(modelFile);
            Active old = active;
            CatalogueService service = old.service().withEncoder(next.photos());
            CompletableFuture<ScanResult> scan;
            try {
                scan = service.rescan(scanListener(listener), token).future();
            } catch (RuntimeException e) {
                service.closeKeepingCatalogue();
                throw e;
            }
            return scan.handle((result, error) -> {
                if (error != null || result.cancelled()) {
                    service.closeKeepingCatalogue();
                    if (error != null) {
                        throw error instanceof RuntimeException re ? re
                                : new java.util.concurrent.CompletionException(error);
                    }
                } else {
                    switchTo(old, new Active(service, next));
                }
                return report(result);
            });
        });
    }

    /** Swaps the active model (called on the new indexer's thread once its codes are complete). */
    private void switchTo(Active old, Active next) {
        CollectionListener watching;
        synchronized (this) {
            active = next;
            watching = watchListener;
        }
        boolean wasWatching = old.service().watching();
        old.service().closeKeepingCatalogue();
        if (wasWatching && watching != null) {
            try {
                next.service().watch(scanListener(watching));
                // photos the old indexer took in while the switch ran have no code of the new model yet
                next.service().indexer().requestRescan(scanListener(watching));
            } catch (IOException e) {
                watching.onFailed(e);
            }
        }
    }

    /** The {@code k} photos nearest to a drawing (rasterized as every sketch is), without query expansion. */
    public SearchResult search(Sketch sketch, int k) throws IOException {
        return search(sketch, k, 0);
    }

    /**
     * The {@code k} photos nearest to a drawing, after query expansion with its {@code expand} nearest photos when
     * {@code expand} &gt; 0 (see {@link #search(BufferedImage, int, int)}). The drawing is searched as
     * {@link Sketch#raster()} shows it.
     */
    public SearchResult search(Sketch sketch, int k, int expand) throws IOException {
        return search(sketch, k, expand, DEFAULT_RANKING);
    }

    /**
     * {@link #search(Sketch, int, int)}, ranking by {@code ranking} where the model and the catalogue allow it, else by
     * the next simpler one ({@link #DEFAULT_RANKING}).
     */
    public SearchResult search(Sketch sketch, int k, int expand, SearchRanking ranking) throws IOException {
        if (sketch.isEmpty()) {
            throw new IllegalArgumentException("an empty sketch has nothing to search with");
        }
        return search(sketch.raster(), k, expand, ranking);
    }

    /** The {@code k} photos nearest to a sketch image (black strokes on white) in Hamming distance. */
    public SearchResult search(BufferedImage sketch, int k) throws IOException {
        return search(sketch, k, 0);
    }

    /**
     * The {@code k} photos nearest to a sketch image in Hamming distance; with {@code expand} &gt; 0 the query is
     * first expanded by a majority vote with the codes of its {@code expand} nearest photos (average query
     * expansion, {@link org.sketchfind.engine.code.QueryExpansion}), and distances are to the expanded query.
     */
    public SearchResult search(BufferedImage sketch, int k, int expand) throws IOException {
        return search(sketch, k, expand, DEFAULT_RANKING);
    }

    /**
     * {@link #search(BufferedImage, int, int)} ranked by {@code ranking} where it can be: without expansion, real-valued
     * where the model has sketch outputs and every photo's outputs are stored, asymmetric where it has sketch outputs,
     * else (and always with expansion) by Hamming distance ({@link #DEFAULT_RANKING}). The result says which ranked.
     */
    public SearchResult search(BufferedImage sketch, int k, int expand, SearchRanking ranking) throws IOException {
        Active a = active;
        long t0 = System.nanoTime();
        if (ranking != SearchRanking.HAMMING && expand == 0) {
            float[] margins = a.binding().sketches().margins(sketch);
            if (margins != null) {
                if (ranking == SearchRanking.REAL_VALUED && a.service().search().hasOutputs()) {
                    org.sketchfind.engine.code.CosineScore q = new org.sketchfind.engine.code.CosineScore(margins);
                    return result(a, search -> search.nearestRealValued(q, k), SearchRanking.REAL_VALUED, t0,
                            System.nanoTime());
                }
                org.sketchfind.engine.code.AsymmetricScore q = new org.sketchfind.engine.code.AsymmetricScore(margins);
                return result(a, search -> search.nearestAsymmetric(q, k), SearchRanking.ASYMMETRIC, t0,
                        System.nanoTime());
            }
        }
        long[] query = a.binding().sketches().encode(sketch);
        return ranked(a, query, k, expand, t0, System.nanoTime());
    }

    /**
     * The {@code k} photos nearest to a photo (an image file a user dropped, say), encoded by the photo encoder f
     * like the collection's own photos; {@code expand} as in {@link #search(BufferedImage, int, int)}.
     */
    public SearchResult searchPhoto(BufferedImage photo, int k, int expand) throws IOException {
        Active a = active;
        long t0 = System.nanoTime();
        long[] query = a.binding().photos().encode(List.of(photo)).get(0);
        return ranked(a, query, k, expand, t0, System.nanoTime());
    }

    /**
     * "More like this": the {@code k} photos nearest to the stored code of the collection's photo {@code photoId}
     * (the photo itself first, at distance 0); an IllegalArgumentException if it has no code of the model in use.
     */
    public SearchResult searchLike(long photoId, int k, int expand) throws IOException {
        Active a = active;
        long t0 = System.nanoTime();
        long[] query = storedCode(a, photoId);
        return ranked(a, query, k, expand, t0, System.nanoTime());
    }

    /** The stored outputs of a photo under the model in use, if every photo has them (for tests that rank by hand). */
    java.util.Optional<byte[]> storedOutputs(long photoId) throws IOException {
        return active.service().search().outputsOf(photoId);
    }

    /** The stored code of a photo under the model in use (for tests that rank by hand). */
    long[] storedCode(long photoId) throws IOException {
        return storedCode(active, photoId);
    }

    private static long[] storedCode(Active a, long photoId) throws IOException {
        return a.service().search().codeOf(photoId).orElseThrow(() -> new IllegalArgumentException(
                "photo " + photoId + " has no code of " + a.service().encoder().displayName()));
    }

    /** One way to rank the active model's photos. */
    private interface Ranker {
        List<org.sketchfind.engine.index.Hit> rank(PhotoSearch search) throws IOException;
    }

    private static SearchResult ranked(Active a, long[] query, int k, int expand, long t0, long t1)
            throws IOException {
        return result(a, search -> search.nearest(query, k, expand), SearchRanking.HAMMING, t0, t1);
    }

    /** Ranks with {@code ranker}: encoding took t0 to t1, ranking and the files' lookup from t1 on. */
    private static SearchResult result(Active a, Ranker ranker, SearchRanking ranking, long t0, long t1)
            throws IOException {
        PhotoSearch search = a.service().search();
        List<Hit> hits = ranker.rank(search).stream()
                .map(h -> new Hit(h.id(), h.path(), h.thumbnail(), h.distance())).toList();
        long t2 = System.nanoTime();
        return new SearchResult(hits, a.service().encoder().displayName(), a.service().encoder().bits(),
                search.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, ranking);
    }

    @Override
    public void close() {
        service().close();
        if (ownsJobs) {
            jobs.close();
        }
    }

    private static ScanListener scanListener(CollectionListener l) {
        CollectionListener listener = l != null ? l : CollectionListener.none();
        return new ScanListener() {
            @Override
            public void onProgress(org.sketchfind.engine.index.ScanProgress p) {
                listener.onProgress(new ScanProgress(ScanProgress.Phase.valueOf(p.phase().name()), p.filesSeen(),
                        p.total(), p.done(), p.encoded(), p.skipped(), p.photosPerSecond(), p.etaSeconds(),
                        p.paused()));
            }

            @Override
            public void onCodesChanged(String modelId, Catalogue.CodesChanged change) {
                listener.onCodesChanged();
            }

            @Override
            public void onWaiting(String message) {
                listener.onLog(message);
            }

            @Override
            public void onFinished(ScanResult result) {
                listener.onFinished(report(result));
            }

            @Override
            public void onFailed(Throwable error) {
                listener.onFailed(error);
            }
        };
    }

    private static ScanReport report(ScanResult r) {
        return new ScanReport(r.filesSeen(), r.unchanged(), r.added(), r.updated(), r.moved(), r.removed(),
                r.skipped(), r.encoded(), r.reused(), r.cancelled(), r.seconds(), skipped(r.problems()));
    }

    private static List<CollectionStatus.Skipped> skipped(List<Catalogue.Skipped> list) {
        return list.stream().map(s -> new CollectionStatus.Skipped(s.file(), s.cause())).toList();
    }
}
