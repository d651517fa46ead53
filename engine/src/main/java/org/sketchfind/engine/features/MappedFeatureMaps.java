package org.sketchfind.engine.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Feature maps in a file, memory-mapped: the cache for real backbone maps (5,000 Sketchy seen images at 512×13×13
 * are 1.7 GB as float32 — more than a modest heap, so they stay in the OS page cache instead).
 *
 * <p>Format: magic {@code SKFMAPS1} (8 bytes), then N, C, H, W as little-endian int32, then N·C·H·W little-endian
 * float32 in C order. Written by {@link Writer} (one map at a time, temporary file then atomic move); opened with
 * the size checked against the header before anything is mapped.
 */
public final class MappedFeatureMaps extends ShapedFeatureMaps implements AutoCloseable {
    private static final byte[] MAGIC = "SKFMAPS1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 8 + 16;
    private static final long CHUNK_BYTES = 1L << 30;

    private final FileChannel channel;
    private final int itemsPerChunk;
    private final MappedByteBuffer[] chunks;

    private MappedFeatureMaps(FileChannel channel, int n, int c, int h, int w) throws IOException {
        super(n, c, h, w);
        this.channel = channel;
        long itemBytes = 4L * c * h * w;
        this.itemsPerChunk = (int) Math.max(1, CHUNK_BYTES / itemBytes);
        int count = (n + itemsPerChunk - 1) / itemsPerChunk;
        this.chunks = new MappedByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long first = (long) i * itemsPerChunk;
            long items = Math.min(itemsPerChunk, n - first);
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, HEADER + first * itemBytes, items * itemBytes);
            chunks[i].order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Opens a feature-map file, checking magic, header and file size. */
    public static MappedFeatureMaps open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head) > 0) {
                // read the header fully
            }
            if (head.hasRemaining()) {
                throw new IOException(file + ": too short for a feature-map file");
            }
            head.flip();
            byte[] magic = new byte[8];
            head.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + ": not a Sketchfind feature-map file (bad magic)");
            }
            int n = head.getInt();
            int c = head.getInt();
            int h = head.getInt();
            int w = head.getInt();
            if (n < 0 || c < 1 || h < 1 || w < 1 || (long) c * h * w > (1 << 24)) {
                throw new IOException(file + ": bad header N=" + n + " C=" + c + " H=" + h + " W=" + w);
            }
            long expected = HEADER + 4L * n * c * h * w;
            if (ch.size() != expected) {
                throw new IOException(file + ": " + ch.size() + " bytes, the header implies " + expected
                        + " (truncated?)");
            }
            return new MappedFeatureMaps(ch, n, c, h, w);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void copyTo(int item, float[] dst, int offset) {
        checkItem(item);
        int len = mapLength();
        FloatBuffer fb = chunks[item / itemsPerChunk].duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        fb.position((item % itemsPerChunk) * len);
        fb.get(dst, offset, len);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Writes a feature-map file one map at a time; {@link #close} moves it into place atomically. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final Path tmp;
        private final OutputStream out;
        private final int n;
        private final int len;
        private int written;

        public Writer(Path file, int n, int c, int h, int w) throws IOException {
            this.file = file;
            this.n = n;
            this.len = c * h * w;
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            this.tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            this.out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(n).putInt(c).putInt(h).putInt(w);
            out.write(head.array());
        }

        public void add(float[] map) throws IOException {
            if (map.length != len) {
                throw new IllegalArgumentException("map of " + map.length + " floats, expected " + len);
            }
            if (written == n) {
                throw new IllegalStateException("all " + n + " maps already written");
            }
            ByteBuffer b = ByteBuffer.allocate(len * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(map);
            out.write(b.array());
            written++;
        }

        @Override
        public void close() throws IOException {
            out.close();
            try {
                if (written != n) {
                    throw new IOException(file + ": " + written + " of " + n + " maps written; file not created");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
