package org.sketchfind.engine.index;

import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.data.FileSha256;
import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.job.CancellationToken;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the catalogue current with the registered folders: walks them ({@link FolderWalker}), and for every file
 * that is new, changed (size or mtime differs, then the SHA-256 decides), or lacks a code of the active model,
 * hashes it, decodes it and writes its thumbnail on a pool of decoding threads (one per core, low priority), encodes
 * the batch with the {@link PhotoEncoder} on the indexer's own thread, and commits the batch in ONE transaction
 * (rows + codes; thumbnails are on disk, atomically renamed, before the commit). Then rows of files that are gone
 * are dropped.
 *
 * <p>Identity is the path; the content hash links paths: a new path whose content equals a vanished row's is a
 * rename/move (the row keeps its id, codes, thumbnail: no re-encoding). Identical content at several paths
 * (duplicates) gives one row per path; the code is computed once and copied, the thumbnail shared. A file that
 * cannot be read or decoded is recorded as skipped with its reason (and retried only when its size/mtime change).
 *
 * <p>Crash safety: the catalogue's committed state is the scan state. A kill at any moment loses at most the
 * uncommitted batch; the next scan recomputes what is left from the disk and the rows (a committed row always has
 * its code). Scans run one at a time on the indexer's thread; the indexer never writes into photo folders.
 */
public final class Indexer implements AutoCloseable {
    /**
     * Indexing options.
     *
     * @param batchSize        photos per encoder call and per transaction (default 32)
     * @param decodeThreads    decoding threads (default: every core)
     * @param decoder          image decoder (default {@link ImageLoaderDecoder})
     * @param thumbnailSize    thumbnail's longer side in pixels (default 256)
     * @param encoderInputSide longer side of the image handed to the encoder (default 512; encoders resize anyway,
     *                         this bounds the memory of a batch)
     */
    public record Options(int batchSize, int decodeThreads, ImageDecoder decoder, int thumbnailSize,
                          int encoderInputSide) {
        public Options {
            if (batchSize < 1 || decodeThreads < 1 || thumbnailSize < 16 || encoderInputSide < 16) {
                throw new IllegalArgumentException("bad indexer options");
            }
            Objects.requireNonNull(decoder, "decoder");
        }

        public static Options defaults() {
            return new Options(32, Runtime.getRuntime().availableProcessors(), new ImageLoaderDecoder(), 256, 512);
        }

        public Options batchSize(int n) {
            return new Options(n, decodeThreads, decoder, thumbnailSize, encoderInputSide);
        }

        public Options decodeThreads(int n) {
            return new Options(batchSize, n, decoder, thumbnailSize, encoderInputSide);
        }

        public Options decoder(ImageDecoder d) {
            return new Options(batchSize, decodeThreads, d, thumbnailSize, encoderInputSide);
        }
    }

    private final Catalogue catalogue;
    private final PhotoEncoder encoder;
    private final Options options;
    private final Thumbnails thumbnails;
    private final ExecutorService scanThread;
    private final ExecutorService decodePool;
    private final AtomicBoolean watchScanQueued = new AtomicBoolean();

    public Indexer(Catalogue catalogue, PhotoEncoder encoder, Options options) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.encoder = Objects.requireNonNull(encoder);
        this.options = Objects.requireNonNull(options);
        this.thumbnails = new Thumbnails(catalogue.thumbnailsDir(), options.thumbnailSize());
        this.scanThread = Executors.newSingleThreadExecutor(threads("sketchfind-indexer", Thread.NORM_PRIORITY - 1));
        this.decodePool = Executors.newFixedThreadPool(options.decodeThreads(),
                threads("sketchfind-decode", Thread.MIN_PRIORITY));
    }

    public Indexer(Catalogue catalogue, PhotoEncoder encoder) {
        this(catalogue, encoder, Options.defaults());
    }

    public PhotoEncoder encoder() {
        return encoder;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Registers {@code folder} (committed before anything else happens) and starts a scan in the background. */
    public ScanHandle addFolder(Path folder, ScanListener listener) throws IOException {
        return addFolder(folder, listener, new CancellationToken());
    }

    /** {@link #addFolder(Path, ScanListener)}, paused and cancelled through {@code token}. */
    public ScanHandle addFolder(Path folder, ScanListener listener, CancellationToken token) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        catalogue.addFolder(folder);
        return rescan(listener, token);
    }

    /** Starts (queues, if one runs) a scan of every registered folder in the background. */
    public ScanHandle rescan(ScanListener listener) {
        return rescan(listener, new CancellationToken());
    }

    /** {@link #rescan(ScanListener)}, paused and cancelled through {@code token}. */
    public ScanHandle rescan(ScanListener listener, CancellationToken token) {
        ScanHandle handle = new ScanHandle(token);
        ScanListener l = listener == null ? ScanListener.NONE : listener;
        scanThread.execute(() -> {
            try {
                ScanResult r = new Scan(handle, l).run();
                // the future first: a listener that hears the end finds the job done (the app counts on it)
                handle.future().complete(r);
                safe(() -> l.onFinished(r));
            } catch (Throwable t) {
                handle.future().completeExceptionally(t);
                safe(() -> l.onFailed(t));
            }
        });
        return handle;
    }

    /** For a folder watcher: queues a scan unless one requested this way is still waiting to start. */
    public void requestRescan(ScanListener listener) {
        if (watchScanQueued.compareAndSet(false, true)) {
            scanThread.execute(() -> watchScanQueued.set(false));
            rescan(listener);
        }
    }

    @Override
    public void close() {
        scanThread.shutdownNow();
        decodePool.shutdownNow();
        try {
            // let a running batch finish its transaction before the catalogue is closed
            scanThread.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a listener's bug must not break the scan
        }
    }

    private static ThreadFactory threads(String name, int priority) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    // ------------------------------------------------------------------------------------------------ one scan

    /** One file needing work; {@code row} is its current row (null if new), {@code sha} known or computed. */
    private static final class Item {
        final FolderWalker.Found file;
        final Catalogue.Photo row;
        String sha;
        String error;

        Item(FolderWalker.Found file, Catalogue.Photo row, String sha) {
            this.file = file;
            this.row = row;
            this.sha = sha;
        }
    }

    /** Decoding outcome for one content: encoder input and thumbnail name, or the reason it failed. */
    private record Decoded(BufferedImage forEncoder, DecodedImage info, String thumbnail, String error) {
    }

    /** Where a code (once known) goes: a new or changed row at a path, or an existing row (model change). */
    private record Target(Item item, long existingId) {
    }

    /** A batch hashed and classified, its decoding under way on the pool; committed by {@code finish}. */
    private static final class Prepared {
        final List<Item> batch;
        final List<Catalogue.Write> writes = new ArrayList<>();
        final Map<String, List<Target>> needCode = new LinkedHashMap<>();
        final Map<String, Catalogue.Content> known = new HashMap<>();
        final Map<String, Future<Decoded>> decoding = new LinkedHashMap<>();
        long skipped;
        long unchanged;
        long moved;

        Prepared(List<Item> batch) {
            this.batch = batch;
        }

        void cancel() {
            decoding.values().forEach(f -> f.cancel(false));
        }
    }

    private final class Scan {
        /** Contents encoded by the last committed batch (the next batch was classified before that commit). */
        private final Map<String, Catalogue.Content> recent = new HashMap<>();
        private final ScanHandle handle;
        private final ScanListener listener;
        private final long t0 = System.nanoTime();
        private long processingStart;
        private long filesSeen;
        private long total;
        private long done;
        private long unchanged;
        private long added;
        private long updated;
        private long moved;
        private long removed;
        private long skipped;
        private long encoded;
        private long reused;

        Scan(ScanHandle handle, ScanListener listener) {
            this.handle = handle;
            this.listener = listener;
        }

        ScanResult run() throws IOException, InterruptedException {
            try (ScanLock lock = ScanLock.acquire(catalogue.dataDir(), handle, listener::onWaiting)) {
                if (lock == null) {
                    return result(true, new FolderWalker.Result(List.of(), Map.of(), List.of(), List.of(), true));
                }
                return scan();
            }
        }

        private ScanResult scan() throws IOException, InterruptedException {
            String model = encoder.modelId();
            List<Catalogue.Folder> folders = catalogue.folders();
            List<Long> ids = folders.stream().map(Catalogue.Folder::id).toList();
            catalogue.markScanStarted(ids);
            progress(ScanProgress.Phase.WALKING);
            FolderWalker.Result walk = new FolderWalker(List.of(catalogue.dataDir())).walk(folders, handle::isCancelled);
            filesSeen = walk.files().size();
            if (walk.cancelled()) {
                return result(true, walk);
            }
            Map<Path, Catalogue.Photo> rows = catalogue.photosByPath();
            guardEmptiedFolders(folders, walk, rows);
            catalogue.replaceProblems(ids, walk.problems());

            // a photo with a code but no outputs, where the encoder has them (a catalogue from before they were
            // stored), is encoded again
            Set<Long> withCode = catalogue.photoIdsWithCode(model, encoder.hasOutputs());
            List<Item> work = new ArrayList<>();
            Set<Path> seen = new java.util.HashSet<>();
            for (FolderWalker.Found f : walk.files()) {
                seen.add(f.path());
                Catalogue.Photo r = rows.get(f.path());
                if (r != null && r.size() == f.size() && r.mtimeMillis() == f.mtimeMillis()) {
                    if (!r.ok() || (withCode.contains(r.id()) && thumbnails.exists(r.thumbnail()))) {
                        unchanged++;
                        continue;
                    }
                    work.add(new Item(f, r, r.sha256()));
                } else {
                    work.add(new Item(f, r, null));
                }
            }
            // rows whose files are gone: candidates for renames/moves, dropped at the end
            Map<String, Deque<Catalogue.Photo>> vanishedByHash = new HashMap<>();
            List<Catalogue.Photo> vanished = new ArrayList<>();
            for (Catalogue.Photo r : rows.values()) {
                if (!seen.contains(r.path()) && !isProtected(r.path(), walk.protectedPrefixes())) {
                    vanished.add(r);
                    if (r.sha256() != null) {
                        vanishedByHash.computeIfAbsent(r.sha256(), k -> new ArrayDeque<>()).add(r);
                    }
                }
            }
            vanished.sort((a, b) -> Long.compare(a.id(), b.id()));
            vanishedByHash.values().forEach(d -> {
                List<Catalogue.Photo> l = new ArrayList<>(d);
                l.sort((a, b) -> Long.compare(a.id(), b.id()));
                d.clear();
                d.addAll(l);
            });
            Set<Long> movedIds = new java.util.HashSet<>();

            if (!work.isEmpty()) {
                encoder.load(); // a model that cannot load fails the scan; it does not skip every photo
            }
            total = work.size();
            processingStart = System.nanoTime();
            progress(ScanProgress.Phase.INDEXING);
            // pipelined: batch i+1 is hashed, classified and decoding on the pool while batch i is encoded and
            // committed on this thread
            int bs = options.batchSize();
            Prepared next = work.isEmpty() || !handle.checkpoint() ? null
                    : prepare(work.subList(0, Math.min(work.size(), bs)), model, withCode, vanishedByHash, movedIds);
            for (int from = 0; next != null; from += bs) {
                Prepared current = next;
                next = null;
                int nextFrom = from + bs;
                if (nextFrom < work.size() && handle.checkpoint()) {
                    next = prepare(work.subList(nextFrom, Math.min(work.size(), nextFrom + bs)), model, withCode,
                            vanishedByHash, movedIds);
                }
                if (!handle.checkpoint()) {
                    current.cancel();
                    if (next != null) {
                        next.cancel();
                    }
                    return result(true, walk);
                }
                finish(current, model, withCode);
                done += current.batch.size();
                progress(ScanProgress.Phase.INDEXING);
                if (next == null && nextFrom < work.size()) {
                    return result(true, walk); // cancelled while preparing
                }
            }
            if (!handle.checkpoint()) {
                return result(true, walk);
            }
            progress(ScanProgress.Phase.CLEANING);
            List<Long> gone = new ArrayList<>();
            for (Catalogue.Photo r : vanished) {
                if (!movedIds.contains(r.id())) {
                    gone.add(r.id());
                }
            }
            catalogue.deletePhotos(gone);
            removed = gone.size();
            if (!gone.isEmpty()) {
                safe(() -> listener.onCodesChanged(model, new Catalogue.CodesChanged(Set.of(),
                        new java.util.LinkedHashSet<>(gone))));
            }
            catalogue.markScanComplete(walk.walkedFolders());
            thumbnails.prune(catalogue.referencedThumbnails());
            progress(ScanProgress.Phase.DONE);
            return result(false, walk);
        }

        /**
         * A folder that had photos and now shows no image file at all is far more often an unmounted drive (its
         * empty mount point) than a deliberate deletion of everything: its rows are kept and a problem reported.
         * Removing the folder from the catalogue forgets them.
         */
        private void guardEmptiedFolders(List<Catalogue.Folder> folders, FolderWalker.Result walk,
                                         Map<Path, Catalogue.Photo> rows) {
            Map<Long, Integer> found = new HashMap<>();
            walk.files().forEach(f -> found.merge(f.folderId(), 1, Integer::sum));
            Map<Long, Integer> stored = new HashMap<>();
            rows.values().forEach(r -> stored.merge(r.folderId(), 1, Integer::sum));
            for (Catalogue.Folder f : folders) {
                int n = stored.getOrDefault(f.id(), 0);
                if (n > 0 && found.getOrDefault(f.id(), 0) == 0 && walk.walkedFolders().contains(f.id())) {
                    walk.protectedPrefixes().add(f.path());
                    walk.problems().put(f.path(), Map.entry(f.id(), "folder is empty now: its " + n
                            + " catalogued files are kept (unmounted drive?); remove the folder to forget them"));
                }
            }
        }

        private Prepared prepare(List<Item> batch, String model, Set<Long> withCode,
                                 Map<String, Deque<Catalogue.Photo>> vanishedByHash, Set<Long> movedIds)
                throws IOException, InterruptedException {
            Prepared pr = new Prepared(batch);
            // 1. content hashes, in parallel
            List<Future<?>> hashing = new ArrayList<>();
            for (Item it : batch) {
                if (it.sha == null) {
                    hashing.add(decodePool.submit(() -> {
                        try {
                            it.sha = FileSha256.hex(it.file.path());
                        } catch (NoSuchFileException e) {
                            it.error = "";
                        } catch (AccessDeniedException e) {
                            it.error = "cannot read: permission denied";
                        } catch (IOException e) {
                            it.error = "cannot read: " + e.getMessage();
                        }
                    }));
                }
            }
            waitAll(hashing);

            // 2. decide what each file needs
            List<Catalogue.Write> writes = pr.writes;
            Map<String, List<Target>> needCode = pr.needCode;
            for (Item it : batch) {
                FolderWalker.Found f = it.file;
                if (it.error != null) {
                    if (!it.error.isEmpty()) { // empty: the file vanished meanwhile; the next scan sees it gone
                        writes.add(new Catalogue.Skip(f.path(), f.folderId(), f.size(), f.mtimeMillis(), null,
                                it.error));
                        pr.skipped++;
                    }
                    continue;
                }
                Catalogue.Photo r = it.row;
                if (r != null && it.sha.equals(r.sha256())) {
                    if (r.size() != f.size() || r.mtimeMillis() != f.mtimeMillis()) {
                        writes.add(new Catalogue.Touch(r.id(), f.size(), f.mtimeMillis()));
                    }
                    if (!r.ok() || (withCode.contains(r.id()) && thumbnails.exists(r.thumbnail()))) {
                        pr.unchanged++;
                        continue;
                    }
                    needCode.computeIfAbsent(it.sha, k -> new ArrayList<>()).add(new Target(it, r.id()));
                    continue;
                }
                if (r == null) {
                    Deque<Catalogue.Photo> candidates = vanishedByHash.get(it.sha);
                    Catalogue.Photo v = candidates == null ? null : candidates.pollFirst();
                    if (v != null) {
                        writes.add(new Catalogue.Move(v.id(), f.path(), f.folderId(), f.size(), f.mtimeMillis()));
                        movedIds.add(v.id());
                        pr.moved++;
                        if (!v.ok() || (withCode.contains(v.id()) && thumbnails.exists(v.thumbnail()))) {
                            continue;
                        }
                        needCode.computeIfAbsent(it.sha, k -> new ArrayList<>()).add(new Target(it, v.id()));
                        continue;
                    }
                }
                needCode.computeIfAbsent(it.sha, k -> new ArrayList<>()).add(new Target(it, -1));
            }

            // 3. codes already known for the same content (duplicates), else decode in parallel
            Map<String, Catalogue.Content> known = pr.known;
            Map<String, Future<Decoded>> decoding = pr.decoding;
            for (String sha : needCode.keySet()) {
                Catalogue.Content c = catalogue.content(sha, model).orElse(null);
                if (c != null && c.code() != null && (c.outputs() != null || !encoder.hasOutputs())
                        && thumbnails.exists(c.thumbnail())) {
                    known.put(sha, c);
                } else {
                    Path file = needCode.get(sha).get(0).item().file.path();
                    decoding.put(sha, decodePool.submit(() -> decode(file, sha)));
                }
            }
            return pr;
        }

        private void finish(Prepared pr, String model, Set<Long> withCode) throws IOException, InterruptedException {
            List<Catalogue.Write> writes = pr.writes;
            Map<String, List<Target>> needCode = pr.needCode;
            Map<String, Catalogue.Content> known = pr.known;
            skipped += pr.skipped;
            unchanged += pr.unchanged;
            moved += pr.moved;
            Map<String, Decoded> decoded = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Decoded>> e : pr.decoding.entrySet()) {
                Decoded d = get(e.getValue());
                Catalogue.Content previous = recent.get(e.getKey());
                if (previous != null && d.error() == null) {
                    known.put(e.getKey(), previous); // the same content was encoded by the batch just committed
                } else {
                    decoded.put(e.getKey(), d);
                }
            }
            recent.clear();

            // 4. encode the batch (distinct contents) in one call
            List<String> shas = new ArrayList<>();
            List<BufferedImage> images = new ArrayList<>();
            for (Map.Entry<String, Decoded> e : decoded.entrySet()) {
                if (e.getValue().error() == null) {
                    shas.add(e.getKey());
                    images.add(e.getValue().forEncoder());
                }
            }
            Map<String, long[]> codes = new HashMap<>();
            Map<String, byte[]> outputs = new HashMap<>();
            Map<String, String> encodeErrors = new HashMap<>();
            if (!images.isEmpty()) {
                encodeAll(shas, images, codes, outputs, encodeErrors);
                encoded += codes.size();
            }

            // 5. writes for everything that needed a code
            for (Map.Entry<String, List<Target>> e : needCode.entrySet()) {
                String sha = e.getKey();
                Catalogue.Content c = known.get(sha);
                Decoded d = decoded.get(sha);
                String error = d == null ? null : d.error() != null ? d.error() : encodeErrors.get(sha);
                for (Target t : e.getValue()) {
                    FolderWalker.Found f = t.item().file;
                    if (error != null) {
                        Path path = f.path();
                        writes.add(new Catalogue.Skip(path, f.folderId(), f.size(), f.mtimeMillis(), sha, error));
                        skipped++;
                        continue;
                    }
                    long[] code = c != null ? c.code() : codes.get(sha);
                    byte[] out = c != null ? c.outputs() : outputs.get(sha);
                    String thumb = c != null ? c.thumbnail() : d.thumbnail();
                    if (c != null) {
                        reused++;
                    }
                    if (t.existingId() >= 0) {
                        writes.add(new Catalogue.AddCode(t.existingId(), model, encoder.bits(), code, out, thumb));
                        updated++;
                    } else {
                        int w = c != null ? c.width() : d.info().width();
                        int h = c != null ? c.height() : d.info().height();
                        int o = c != null ? c.orientation() : d.info().orientation();
                        java.time.Instant date = c != null ? c.exifDate() : d.info().exifDate();
                        writes.add(new Catalogue.Upsert(f.path(), f.folderId(), f.size(), f.mtimeMillis(), sha, w, h,
                                o, date, thumb, model, encoder.bits(), code, out));
                        if (t.item().row == null) {
                            added++;
                        } else {
                            updated++;
                        }
                    }
                }
            }
            // 6. one transaction for the whole batch
            Catalogue.CodesChanged change = catalogue.writeBatch(writes);
            if (!change.coded().isEmpty() || !change.uncoded().isEmpty()) {
                safe(() -> listener.onCodesChanged(model, change));
            }
            for (Map.Entry<String, Decoded> e : decoded.entrySet()) {
                long[] code = codes.get(e.getKey());
                Decoded d = e.getValue();
                if (code != null) {
                    recent.put(e.getKey(), new Catalogue.Content(d.info().width(), d.info().height(),
                            d.info().orientation(), d.info().exifDate(), d.thumbnail(), code, outputs.get(e.getKey())));
                }
            }
            for (Catalogue.Write w : writes) {
                if (w instanceof Catalogue.AddCode a && a.code() != null) {
                    withCode.add(a.photoId());
                }
            }
        }

        private void encodeAll(List<String> shas, List<BufferedImage> images, Map<String, long[]> codes,
                               Map<String, byte[]> outputs, Map<String, String> errors) {
            PhotoEncoder.Encoded out;
            try {
                out = encoder.encodeWithOutputs(images);
                check(out, images.size());
            } catch (RuntimeException batchFailure) {
                // find the culprit: encode one at a time, skip only the photos that fail
                for (int i = 0; i < images.size(); i++) {
                    try {
                        PhotoEncoder.Encoded one = encoder.encodeWithOutputs(List.of(images.get(i)));
                        check(one, 1);
                        put(shas.get(i), one, 0, codes, outputs);
                    } catch (RuntimeException e) {
                        errors.put(shas.get(i), "encoder failed: " + e);
                    }
                }
                return;
            }
            for (int i = 0; i < shas.size(); i++) {
                put(shas.get(i), out, i, codes, outputs);
            }
        }

        private static void put(String sha, PhotoEncoder.Encoded e, int i, Map<String, long[]> codes,
                                Map<String, byte[]> outputs) {
            codes.put(sha, e.codes().get(i));
            if (e.outputs() != null) {
                outputs.put(sha, e.outputs().get(i));
            }
        }

        private void check(PhotoEncoder.Encoded encoded, int n) {
            List<long[]> out = encoded == null ? null : encoded.codes();
            if (out == null || out.size() != n) {
                throw new IllegalStateException("encoder " + encoder.modelId() + " returned "
                        + (out == null ? "null" : out.size() + " codes") + " for " + n + " photos");
            }
            for (long[] c : out) {
                if (c == null || c.length != Codes.words(encoder.bits())) {
                    throw new IllegalStateException("encoder " + encoder.modelId() + " returned a code of "
                            + (c == null ? "null" : c.length + " words") + " for " + encoder.bits() + " bits");
                }
            }
            if (encoder.hasOutputs()) {
                List<byte[]> o = encoded.outputs();
                if (o == null || o.size() != n || o.stream().anyMatch(v -> v == null || v.length != encoder.bits())) {
                    throw new IllegalStateException("encoder " + encoder.modelId() + " returned no or wrong-sized"
                            + " outputs for " + n + " photos");
                }
            }
        }

        private Decoded decode(Path file, String sha) {
            try {
                DecodedImage img = options.decoder().decode(file);
                // scale first (cheap on the small image), then turn upright if the decoder did not
                BufferedImage work = Thumbnails.scaleRgb(img.image(),
                        Math.max(options.encoderInputSide(), options.thumbnailSize()));
                if (!img.oriented()) {
                    work = ImageLoader.orient(work, img.orientation());
                }
                String thumb = thumbnails.write(sha, work);
                BufferedImage small = Thumbnails.scaleRgb(work, options.encoderInputSide());
                return new Decoded(small, new DecodedImage(small, img.width(), img.height(), img.orientation(),
                        img.exifDate(), img.oriented()), thumb, null);
            } catch (IOException e) {
                return new Decoded(null, null, null, e.getMessage() == null ? e.toString() : e.getMessage());
            } catch (OutOfMemoryError e) {
                return new Decoded(null, null, null, "image too large to decode (out of memory)");
            } catch (RuntimeException | StackOverflowError e) {
                return new Decoded(null, null, null, "corrupt image: " + e);
            }
        }

        private void progress(ScanProgress.Phase phase) {
            double secs = (System.nanoTime() - processingStart - handle.pausedNanos()) / 1e9;
            double rate = processingStart == 0 || done == 0 || secs <= 0 ? 0 : done / secs;
            double eta = rate > 0 ? (total - done) / rate : (total == done ? 0 : -1);
            ScanProgress p = new ScanProgress(phase, filesSeen, total, done, encoded, skipped, rate, eta,
                    handle.isPaused());
            safe(() -> listener.onProgress(p));
        }

        private ScanResult result(boolean cancelled, FolderWalker.Result walk) {
            List<Catalogue.Skipped> problems = new ArrayList<>();
            walk.problems().forEach((p, e) -> problems.add(new Catalogue.Skipped(p.toString(), e.getValue())));
            return new ScanResult(filesSeen, unchanged, added, updated, moved, removed, skipped, encoded, reused,
                    cancelled, (System.nanoTime() - t0) / 1e9, Collections.unmodifiableList(problems));
        }
    }

    private static boolean isProtected(Path path, List<Path> prefixes) {
        for (Path p : prefixes) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static void waitAll(List<Future<?>> futures) throws InterruptedException, IOException {
        for (Future<?> f : futures) {
            get(f);
        }
    }

    private static <T> T get(Future<T> f) throws InterruptedException, IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IOException("indexing task failed: " + e.getCause(), e.getCause());
        }
    }
}
