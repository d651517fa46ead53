package org.sketchfind.engine.index;

import org.sketchfind.engine.code.AsymmetricScore;
import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.code.CosineScore;
import org.sketchfind.engine.code.QueryExpansion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sketch-to-photo search over the catalogue: the codes one model gave the photos, packed into a {@link PackedCodes}
 * and searched by {@link Searchers#best} (exhaustive XOR + popcount, or multi-index hashing for very large
 * collections; identical results, ties by smaller distance then catalogue order). The in-memory index is built on
 * first search and rebuilt after {@link #invalidate()} (the catalogue service calls it whenever a scan commits codes).
 * Where every photo also has its encoder's stored outputs, {@link #nearestRealValued} ranks by their cosine with a
 * sketch's outputs.
 */
public final class PhotoSearch {
    private final Catalogue catalogue;
    private final String modelId;
    private final int bits;
    private volatile Snapshot snapshot;

    /** {@code outputs}: every row's stored outputs, {@code bits} bytes per row in row order; null if any row lacks them. */
    private record Snapshot(PackedCodes codes, List<Path> paths, HammingSearcher searcher, byte[] outputs) {
    }

    public PhotoSearch(Catalogue catalogue, String modelId, int bits) {
        this.catalogue = catalogue;
        this.modelId = modelId;
        this.bits = bits;
    }

    /** Forgets the in-memory index; the next search reloads the codes from the catalogue. */
    public void invalidate() {
        snapshot = null;
    }

    /** Whether every searchable photo has stored outputs, so that {@link #nearestRealValued} can rank them. */
    public boolean hasOutputs() throws IOException {
        return snapshot().outputs() != null;
    }

    /** Number of searchable photos (photos with a code of this model). */
    public int size() throws IOException {
        return snapshot().codes().size();
    }

    /** The {@code k} photos nearest to {@code query} in Hamming distance, with their files and thumbnails. */
    public List<Hit> nearest(long[] query, int k) throws IOException {
        return nearest(query, k, 0);
    }

    /**
     * The {@code k} photos nearest to {@code query}, after {@link QueryExpansion} with the {@code expand} nearest
     * photos when {@code expand} &gt; 0; distances are those to the expanded query.
     */
    public List<Hit> nearest(long[] query, int k, int expand) throws IOException {
        if (query.length != Codes.words(bits)) {
            throw new IllegalArgumentException("query has " + query.length + " words; this model's codes have "
                    + Codes.words(bits));
        }
        Snapshot s = snapshot();
        long[] q = query;
        if (expand > 0 && s.codes().size() > 0) {
            List<long[]> neighbours = new ArrayList<>();
            for (Hit h : s.searcher().nearest(query, expand)) {
                neighbours.add(s.codes().get(h.row()));
            }
            q = QueryExpansion.expand(query, neighbours, bits);
        }
        List<Hit> out = new ArrayList<>();
        for (Hit h : s.searcher().nearest(q, k)) {
            Path thumb = catalogue.photo(h.id()).map(catalogue::thumbnailFile).orElse(null);
            out.add(h.located(s.paths().get(h.row()), thumb));
        }
        return out;
    }

    /**
     * The {@code k} photos with the highest {@link AsymmetricScore} for a sketch's real-valued outputs (an exhaustive
     * scan; ties by catalogue order), each with {@link AsymmetricScore#distance} as its distance.
     */
    public List<Hit> nearestAsymmetric(AsymmetricScore query, int k) throws IOException {
        checkScan(query.bits(), k);
        Snapshot s = snapshot();
        int n = s.codes().size();
        int words = s.codes().words();
        long[] data = s.codes().data();
        double[] score = new double[n];
        for (int row = 0; row < n; row++) {
            score[row] = query.score(data, row * words);
        }
        List<Hit> out = new ArrayList<>();
        for (int row : best(score, k)) {
            out.add(located(s, row, query.distance(s.codes().get(row))));
        }
        return out;
    }

    /**
     * The {@code k} photos whose stored outputs have the highest {@link CosineScore} with a sketch's outputs (an
     * exhaustive scan; ties by catalogue order), each with {@link CosineScore#distance} as its distance.
     *
     * @throws IllegalStateException if some photo has no stored outputs ({@link #hasOutputs()})
     */
    public List<Hit> nearestRealValued(CosineScore query, int k) throws IOException {
        checkScan(query.bits(), k);
        Snapshot s = snapshot();
        if (s.outputs() == null) {
            throw new IllegalStateException("not every photo has stored outputs of this model; a rescan adds them");
        }
        int n = s.codes().size();
        double[] score = new double[n];
        for (int row = 0; row < n; row++) {
            score[row] = query.score(s.outputs(), row * bits);
        }
        List<Hit> out = new ArrayList<>();
        for (int row : best(score, k)) {
            out.add(located(s, row, query.distance(score[row])));
        }
        return out;
    }

    /** An exhaustive scan's arguments: a query of this model's length and at least one hit asked for. */
    private void checkScan(int queryBits, int k) {
        if (queryBits != bits) {
            throw new IllegalArgumentException("query has " + queryBits + " real-valued outputs; this model's codes"
                    + " have " + bits + " bits");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    private Hit located(Snapshot s, int row, int distance) throws IOException {
        Path thumb = catalogue.photo(s.codes().id(row)).map(catalogue::thumbnailFile).orElse(null);
        return new Hit(s.codes().id(row), distance, row).located(s.paths().get(row), thumb);
    }

    /** The rows of the {@code k} highest scores, best first (ties by the earlier row). */
    private static List<Integer> best(double[] score, int k) {
        int n = score.length;
        // a bounded min-heap of rows, worst on top (lower score, or the later row on equal scores)
        int m = Math.min(k, n);
        int[] heap = new int[m];
        int size = 0;
        for (int row = 0; row < n; row++) {
            if (size < m) {
                heap[size] = row;
                siftUp(heap, size++, score);
            } else if (better(row, heap[0], score)) {
                heap[0] = row;
                siftDown(heap, size, score);
            }
        }
        List<Integer> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(heap[i]);
        }
        rows.sort((a, b) -> better(a, b, score) ? -1 : better(b, a, score) ? 1 : 0);
        return rows;
    }

    /** Whether row a ranks before row b: a higher score, or the earlier row on equal scores. */
    private static boolean better(int a, int b, double[] score) {
        return score[a] > score[b] || score[a] == score[b] && a < b;
    }

    private static void siftUp(int[] heap, int i, double[] score) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heap[parent], heap[i], score)) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] score) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int worst = i;
            if (l < size && better(heap[worst], heap[l], score)) {
                worst = l;
            }
            if (l + 1 < size && better(heap[worst], heap[l + 1], score)) {
                worst = l + 1;
            }
            if (worst == i) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[i];
            heap[i] = t;
            i = worst;
        }
    }

    /** The stored code of the photo with catalogue id {@code photoId} under this search's model, if it has one. */
    public java.util.Optional<long[]> codeOf(long photoId) throws IOException {
        Snapshot s = snapshot();
        int row = rowOf(s, photoId);
        return row < 0 ? java.util.Optional.empty() : java.util.Optional.of(s.codes().get(row));
    }

    /** The stored outputs of the photo with catalogue id {@code photoId}, if every photo has them. */
    public java.util.Optional<byte[]> outputsOf(long photoId) throws IOException {
        Snapshot s = snapshot();
        int row = s.outputs() == null ? -1 : rowOf(s, photoId);
        return row < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(java.util.Arrays.copyOfRange(s.outputs(), row * bits, (row + 1) * bits));
    }

    /** The row of the photo with catalogue id {@code photoId} in {@code s}, or -1. */
    private static int rowOf(Snapshot s, long photoId) {
        for (int row = 0; row < s.codes().size(); row++) {
            if (s.codes().id(row) == photoId) {
                return row;
            }
        }
        return -1;
    }

    public int bits() {
        return bits;
    }

    private Snapshot snapshot() throws IOException {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    List<Catalogue.StoredCode> stored = catalogue.codes(modelId);
                    PackedCodes codes = new PackedCodes(bits, Math.max(16, stored.size()));
                    List<Path> paths = new ArrayList<>(stored.size());
                    byte[] outputs = new byte[Math.multiplyExact(stored.size(), bits)];
                    boolean allOutputs = true;
                    for (Catalogue.StoredCode c : stored) {
                        if (c.outputs() != null && c.outputs().length == bits) {
                            System.arraycopy(c.outputs(), 0, outputs, paths.size() * bits, bits);
                        } else {
                            allOutputs = false;
                        }
                        codes.append(c.photoId(), c.code());
                        paths.add(c.path());
                    }
                    s = new Snapshot(codes, paths, Searchers.best(codes), allOutputs ? outputs : null);
                    snapshot = s;
                }
            }
        }
        return s;
    }
}
