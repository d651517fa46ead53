package org.sketchfind.engine.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * One scan at a time per catalogue, across processes (the app's watcher and {@code ./sketchfind index rescan}):
 * an OS file lock on {@value #FILE} in the data folder. The OS releases it when the holder dies, even by kill -9,
 * so a stale lock cannot block the next scan. A second scan waits for the first (it then finds little to do), and
 * says so: the holder writes who it is into {@value #OWNER} (process id, what it runs, since when), and a scan that
 * has to wait reports that line once to its listener ({@link ScanListener#onWaiting}).
 */
final class ScanLock implements AutoCloseable {
    static final String FILE = "scan.lock";
    /** Who holds the lock: written by the holder after it got the lock; only read by processes that wait. */
    static final String OWNER = "scan.lock.owner";
    /** System property naming what this process runs, for the waiting message (the command line, the app). */
    static final String PROCESS_PROPERTY = "sketchfind.process";

    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock; returns null if {@code handle} is cancelled while waiting. */
    static ScanLock acquire(Path dataDir, ScanHandle handle) throws IOException, InterruptedException {
        return acquire(dataDir, handle, message -> { });
    }

    /**
     * Waits for the lock, telling {@code waiting} once (and again if the holder changes) which process holds it;
     * returns null if {@code handle} is cancelled while waiting.
     */
    static ScanLock acquire(Path dataDir, ScanHandle handle, Consumer<String> waiting)
            throws IOException, InterruptedException {
        FileChannel ch = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        String told = null;
        try {
            while (true) {
                FileLock l;
                boolean inThisProcess = false;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // another indexer in this JVM holds it
                    inThisProcess = true;
                }
                if (l != null) {
                    writeOwner(dataDir);
                    return new ScanLock(ch, l);
                }
                String message = inThisProcess ? "waiting for another scan of this catalogue in this process to finish"
                        : "waiting for another Sketchfind process (" + owner(dataDir) + ") to finish scanning "
                        + dataDir + "; this scan starts after it";
                if (!message.equals(told)) {
                    told = message;
                    waiting.accept(message);
                }
                if (!handle.checkpoint()) {
                    ch.close();
                    return null;
                }
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static void writeOwner(Path dataDir) {
        ProcessHandle me = ProcessHandle.current();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(me.pid()));
        p.setProperty("process", System.getProperty(PROCESS_PROPERTY,
                me.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("java")));
        p.setProperty("since", Instant.now().toString());
        try (var out = Files.newBufferedWriter(dataDir.resolve(OWNER), StandardCharsets.UTF_8)) {
            p.store(out, "the process scanning this catalogue (informational; the lock is " + FILE + ")");
        } catch (IOException e) {
            // only informational: a waiting process then says less
        }
    }

    /** "pid 1234: sketchfind index add /photos, since 22:10:03", from the owner file (or less, if unreadable). */
    static String owner(Path dataDir) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve(OWNER), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return "its process id is not known yet";
        }
        StringBuilder sb = new StringBuilder("pid ").append(p.getProperty("pid", "?"));
        String process = p.getProperty("process");
        if (process != null && !process.isBlank()) {
            sb.append(": ").append(process);
        }
        try {
            LocalDateTime since = LocalDateTime.ofInstant(Instant.parse(p.getProperty("since", "")),
                    ZoneId.systemDefault());
            sb.append(", scanning since ").append(since.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        } catch (RuntimeException e) {
            // no time: say less
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
