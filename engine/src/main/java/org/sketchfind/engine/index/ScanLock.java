package org.sketchfind.engine.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One scan at a time per catalogue, across processes (the app's watcher and {@code ./sketchfind index rescan}):
 * an OS file lock on {@value #FILE} in the data folder. The OS releases it when the holder dies, even by kill -9,
 * so a stale lock cannot block the next scan. A second scan waits for the first (it then finds little to do).
 */
final class ScanLock implements AutoCloseable {
    static final String FILE = "scan.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock; returns null if {@code handle} is cancelled while waiting. */
    static ScanLock acquire(Path dataDir, ScanHandle handle) throws IOException, InterruptedException {
        FileChannel ch = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // another indexer in this JVM holds it
                }
                if (l != null) {
                    return new ScanLock(ch, l);
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

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
