package org.sketchfind.engine.index;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Watches the registered folders while the app runs and calls {@code onChange} (which should queue an incremental
 * rescan, e.g. {@link Indexer#requestRescan}) once things have been quiet for {@code debounce} after a change.
 * Every sub-folder is registered with the {@link WatchService} (new ones as they appear); symbolic links are not
 * followed for watching. A folder that vanishes (deleted, renamed, drive unplugged) is polled for every
 * {@code pollInterval}; when it returns it is watched again and a change is signalled. The list of folders is
 * re-read from {@code roots} on every poll, so folders added later are picked up. Runs on its own daemon thread.
 */
public final class FolderWatcher implements AutoCloseable {
    private final Supplier<List<Path>> roots;
    private final FolderWalker excluded;
    private final Runnable onChange;
    private final long debounceNanos;
    private final long pollMillis;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Map<Path, List<WatchKey>> keysByRoot = new HashMap<>();
    private final Set<Path> missing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;
    private long lastEventNanos;
    private boolean pending;

    public FolderWatcher(Supplier<List<Path>> roots, Runnable onChange, Duration debounce, Duration pollInterval)
            throws IOException {
        this(roots, onChange, debounce, pollInterval, List.of());
    }

    /** As above, never watching under {@code excluded} (the catalogue's data folder: writing thumbnails there must
     * not look like a change to the photos, or every scan would trigger the next). */
    public FolderWatcher(Supplier<List<Path>> roots, Runnable onChange, Duration debounce, Duration pollInterval,
                         List<Path> excluded) throws IOException {
        this.excluded = new FolderWalker(excluded);
        this.roots = Objects.requireNonNull(roots);
        this.onChange = Objects.requireNonNull(onChange);
        this.debounceNanos = debounce.toNanos();
        this.pollMillis = Math.max(10, pollInterval.toMillis());
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::loop, "sketchfind-folder-watcher");
        this.thread.setDaemon(true);
    }

    /** Watches the catalogue's registered folders, debounced 1 s, polling vanished folders every 2 s. */
    public static FolderWatcher forCatalogue(Catalogue catalogue, Runnable onChange) throws IOException {
        return new FolderWatcher(() -> {
            try {
                return catalogue.folders().stream().map(Catalogue.Folder::path).toList();
            } catch (IOException e) {
                return List.of();
            }
        }, onChange, Duration.ofSeconds(1), Duration.ofSeconds(2), List.of(catalogue.dataDir()));
    }

    public FolderWatcher start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            while (!closed) {
                syncRoots();
                long wait = pollMillis;
                if (pending) {
                    long left = (lastEventNanos + debounceNanos - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        pending = false;
                        try {
                            onChange.run();
                        } catch (RuntimeException ignored) {
                            // the callback's failure must not stop the watching
                        }
                        continue;
                    }
                    wait = Math.min(wait, left);
                }
                WatchKey key = service.poll(Math.max(1, wait), java.util.concurrent.TimeUnit.MILLISECONDS);
                while (key != null) {
                    handle(key);
                    key = service.poll();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void handle(WatchKey key) {
        Path dir = keys.get(key);
        for (WatchEvent<?> ev : key.pollEvents()) {
            changed();
            if (dir != null && ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && ev.context() instanceof Path p) {
                Path child = dir.resolve(p);
                if (Files.isDirectory(child)) {
                    Path root = rootOf(dir);
                    if (root != null) {
                        registerTree(root, child);
                    }
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            changed();
        }
    }

    /** Watches new roots, notices vanished ones, re-watches returned ones. */
    private void syncRoots() {
        Set<Path> wanted = new HashSet<>();
        for (Path r : roots.get()) {
            wanted.add(r.toAbsolutePath().normalize());
        }
        for (Path r : new ArrayList<>(keysByRoot.keySet())) {
            if (!wanted.contains(r) || !Files.isDirectory(r)) {
                for (WatchKey k : keysByRoot.remove(r)) {
                    k.cancel();
                    keys.remove(k);
                }
                if (wanted.contains(r)) {
                    missing.add(r);
                    changed();
                }
            }
        }
        missing.retainAll(wanted);
        for (Path r : wanted) {
            if (keysByRoot.containsKey(r)) {
                continue;
            }
            if (Files.isDirectory(r)) {
                keysByRoot.put(r, new ArrayList<>());
                registerTree(r, r);
                if (missing.remove(r)) {
                    changed(); // it came back
                }
            } else {
                missing.add(r);
            }
        }
    }

    private void registerTree(Path root, Path start) {
        List<WatchKey> list = keysByRoot.computeIfAbsent(root, k -> new ArrayList<>());
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (excluded.isExcluded(dir, attrs.fileKey())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        WatchKey k = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                        keys.put(k, dir);
                        list.add(k);
                    } catch (IOException e) {
                        // unreadable folder: the scan reports it
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // vanished while registering: syncRoots notices on the next poll
        }
    }

    private Path rootOf(Path dir) {
        for (Path r : keysByRoot.keySet()) {
            if (dir.startsWith(r)) {
                return r;
            }
        }
        return null;
    }

    private void changed() {
        pending = true;
        lastEventNanos = System.nanoTime();
    }

    /** Folders being polled for because they are gone (for the app's status line). */
    public Set<Path> missingFolders() {
        return Set.copyOf(missing);
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException ignored) {
            // closing
        }
        thread.interrupt();
    }
}
