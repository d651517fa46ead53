package org.sketchfind.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing",
 * CVPR 2012; "Fast Exact Search in Hamming Space with Multi-Index Hashing", TPAMI 2014).
 *
 * <p>Each M-bit code is cut into m disjoint contiguous substrings (the first {@code M mod m} one bit longer), and
 * each substring position gets a hash table from substring value to the rows holding it. Pigeonhole: if two codes
 * differ in d bits, some substring differs in at most ⌊d/m⌋ bits. A k-NN query probes, for radius r = 0, 1, …
 * and substring j = 0..m−1 in turn, every substring value at exactly distance r from the query's substring j,
 * verifying each newly found row with its full distance. After probing (r, j), every code within distance
 * {@code m·r + j} has been found (an unfound code has substring distances ≥ r+1 for substrings 0..j and ≥ r for
 * the rest, so d ≥ m·r + j + 1). Search stops once k found codes lie within that guaranteed distance; since then
 * every code at or below the k-th distance is known, the final (distance, row) order gives exactly the list of
 * the exhaustive {@link HammingIndex}, ties included.
 *
 * <p>The tables are built once from the store's rows at construction time (a snapshot: later appends are not seen;
 * build a new index). Queries are single-threaded and may run concurrently (scratch space is per thread).
 */
public final class MultiIndexHashing implements HammingSearcher {
    private final PackedCodes codes;
    private final int n;
    private final int bits;
    private final int words;
    private final int m;
    private final int[] subStart;
    private final int[] subLen;
    private final Table[] tables;
    private final ThreadLocal<Scratch> scratch;

    /** Builds with Norouzi et al.'s recommended number of substrings, {@link #recommendedSubstrings}. */
    public MultiIndexHashing(PackedCodes codes) {
        this(codes, recommendedSubstrings(codes.size(), codes.bits()));
    }

    public MultiIndexHashing(PackedCodes codes, int substrings) {
        if (codes == null) {
            throw new IllegalArgumentException("codes are required");
        }
        this.codes = codes;
        this.n = codes.size();
        this.bits = codes.bits();
        this.words = codes.words();
        int minM = (bits + 63) / 64;
        if (substrings < minM || substrings > bits) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d-bit codes need %d..%d substrings (each at most 64 bits), got %d", bits, minM, bits,
                    substrings));
        }
        this.m = substrings;
        this.subStart = new int[m];
        this.subLen = new int[m];
        int base = bits / m;
        int extra = bits % m;
        int at = 0;
        for (int j = 0; j < m; j++) {
            subStart[j] = at;
            subLen[j] = base + (j < extra ? 1 : 0);
            at += subLen[j];
        }
        long[] data = codes.data();
        this.tables = new Table[m];
        for (int j = 0; j < m; j++) {
            tables[j] = Table.build(data, words, n, subStart[j], subLen[j]);
        }
        int nn = n;
        int maxD = bits;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(nn, maxD));
    }

    /**
     * Norouzi et al.'s choice m ≈ M / log2(n), so that each substring table has about as many buckets as codes;
     * at least ⌈M/64⌉ (substrings fit in a long) and at least 1.
     */
    public static int recommendedSubstrings(int n, int bits) {
        double log2n = Math.log(Math.max(2, n)) / Math.log(2);
        int m = (int) Math.round(bits / log2n);
        return Math.max(Math.max(1, (bits + 63) / 64), Math.min(bits, m));
    }

    /** Number of substrings m. */
    public int substrings() {
        return m;
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public String describe() {
        return "mih(m=" + m + ")";
    }

    @Override
    public List<Hit> nearest(long[] query, int k) {
        codes.checkCode(query, "query");
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        if (k == 0 || n == 0) {
            return List.of();
        }
        int want = Math.min(k, n);
        Scratch s = scratch.get();
        s.reset();
        try {
            long[] qsub = querySubstrings(query);
            int maxLen = 0;
            for (int len : subLen) {
                maxLen = Math.max(maxLen, len);
            }
            outer:
            for (int r = 0; r <= maxLen; r++) {
                for (int j = 0; j < m; j++) {
                    probe(j, qsub[j], r, query, s, Integer.MAX_VALUE);
                    if (s.found == n) {
                        break outer;
                    }
                    int guaranteed = m * r + j;
                    if (s.countUpTo(guaranteed) >= want) {
                        break outer;
                    }
                }
            }
            return s.collect(codes.ids(), want, bits);
        } finally {
            s.clear();
        }
    }

    @Override
    public List<Hit> withinRadius(long[] query, int radius) {
        codes.checkCode(query, "query");
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative: " + radius);
        }
        Scratch s = scratch.get();
        s.reset();
        try {
            long[] qsub = querySubstrings(query);
            int limit = Math.min(radius, bits);
            int rmax = limit / m; // any code within `limit` has a substring within ⌊limit/m⌋
            for (int r = 0; r <= rmax && s.found < n; r++) {
                for (int j = 0; j < m; j++) {
                    probe(j, qsub[j], r, query, s, limit);
                }
            }
            return s.collect(codes.ids(), Integer.MAX_VALUE, limit);
        } finally {
            s.clear();
        }
    }

    private long[] querySubstrings(long[] query) {
        long[] q = new long[m];
        for (int j = 0; j < m; j++) {
            q[j] = extract(query, 0, subStart[j], subLen[j]);
        }
        return q;
    }

    /**
     * Probes every value at exactly Hamming distance r from {@code q} in table j. When that takes more lookups than
     * there are rows left unseen (long substrings, large radii, e.g. with too few substrings for the collection),
     * it verifies every unseen row directly instead, which finds a superset and keeps the result exact.
     */
    private void probe(int j, long q, int r, long[] query, Scratch s, int keepLimit) {
        int len = subLen[j];
        if (r > len || s.found == n) {
            return;
        }
        if (binomial(len, r) > n - s.found) {
            scanUnseen(query, s, keepLimit);
            return;
        }
        Table t = tables[j];
        if (r == 0) {
            visit(t, q, query, s, keepLimit);
            return;
        }
        // Enumerate r-subsets of the len bit positions, positions increasing (iterative combination walk).
        int[] pos = s.positions;
        for (int i = 0; i < r; i++) {
            pos[i] = i;
        }
        while (true) {
            long key = q;
            for (int i = 0; i < r; i++) {
                key ^= 1L << pos[i];
            }
            visit(t, key, query, s, keepLimit);
            int i = r - 1;
            while (i >= 0 && pos[i] == len - r + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            pos[i]++;
            for (int x = i + 1; x < r; x++) {
                pos[x] = pos[x - 1] + 1;
            }
        }
    }

    private void visit(Table t, long key, long[] query, Scratch s, int keepLimit) {
        int slot = t.find(key);
        if (slot < 0) {
            return;
        }
        int from = t.start[slot];
        int to = from + t.count[slot];
        long[] data = codes.data();
        int[] rows = t.rows;
        long[] seen = s.seen;
        for (int p = from; p < to; p++) {
            int row = rows[p];
            long bit = 1L << row;
            int w = row >>> 6;
            if ((seen[w] & bit) != 0) {
                continue;
            }
            seen[w] |= bit;
            s.touched(w);
            s.found++;
            int d;
            if (words == 1) {
                d = Long.bitCount(data[row] ^ query[0]);
            } else {
                int b = row << 1;
                d = Long.bitCount(data[b] ^ query[0]) + Long.bitCount(data[b + 1] ^ query[1]);
            }
            if (d <= keepLimit) {
                s.add(row, d);
            }
        }
    }

    private void scanUnseen(long[] query, Scratch s, int keepLimit) {
        long[] data = codes.data();
        long[] seen = s.seen;
        for (int row = 0; row < n; row++) {
            int w = row >>> 6;
            long bit = 1L << row;
            if ((seen[w] & bit) != 0) {
                continue;
            }
            seen[w] |= bit;
            s.touched(w);
            s.found++;
            int d = HammingIndex.distance(data, row * words, words, query);
            if (d <= keepLimit) {
                s.add(row, d);
            }
        }
    }

    /** C(len, r) as a double (exact enough to compare with a row count). */
    static double binomial(int len, int r) {
        double c = 1;
        for (int i = 1; i <= r; i++) {
            c = c * (len - r + i) / i;
        }
        return c;
    }

    /** Bits [start, start+len) of the code at {@code base}, as the low bits of a long (len ≤ 64). */
    static long extract(long[] data, int base, int start, int len) {
        int w = start >>> 6;
        int off = start & 63;
        long v = data[base + w] >>> off;
        if (off + len > 64) {
            v |= data[base + w + 1] << (64 - off);
        }
        return len == 64 ? v : v & ((1L << len) - 1);
    }

    /** Open-addressing table substring value → run of rows (rows in increasing order), CSR layout. */
    private static final class Table {
        final long[] keys;
        final int[] start;
        final int[] count;
        final int[] rows;
        final int mask;
        final int shift;

        private Table(int capacityLog2, int n) {
            int cap = 1 << capacityLog2;
            keys = new long[cap];
            start = new int[cap];
            count = new int[cap];
            rows = new int[n];
            mask = cap - 1;
            shift = 64 - capacityLog2;
        }

        static Table build(long[] data, int words, int n, int subStart, int subLen) {
            long distinctBound = subLen >= 62 ? Long.MAX_VALUE : 1L << subLen;
            long want = Math.max(4, 2L * Math.min(n, distinctBound));
            int log2 = Math.min(30, 64 - Long.numberOfLeadingZeros(want - 1));
            Table t = new Table(log2, n);
            int[] slots = new int[n];
            for (int i = 0; i < n; i++) {
                slots[i] = t.insert(extract(data, i * words, subStart, subLen));
            }
            int acc = 0;
            for (int s = 0; s < t.count.length; s++) {
                t.start[s] = acc;
                acc += t.count[s];
            }
            int[] fill = new int[t.count.length];
            for (int i = 0; i < n; i++) {
                int s = slots[i];
                t.rows[t.start[s] + fill[s]++] = i;
            }
            return t;
        }

        private int hash(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        }

        /** Counts one more row for key; returns its slot. */
        private int insert(long key) {
            int s = hash(key);
            while (count[s] != 0 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            if (count[s] == 0) {
                keys[s] = key;
            }
            count[s]++;
            return s;
        }

        /** Slot holding key, or -1. */
        int find(long key) {
            int s = hash(key);
            while (count[s] != 0) {
                if (keys[s] == key) {
                    return s;
                }
                s = (s + 1) & mask;
            }
            return -1;
        }
    }

    /** Per-thread query state: seen-row bitset (cleared word by word after use) and candidates per distance. */
    private static final class Scratch {
        final long[] seen;
        final int[] touchedWords;
        int touchedCount;
        final int[][] buckets;
        final int[] counts;
        final int[] positions = new int[65];
        int found;

        Scratch(int n, int maxD) {
            seen = new long[(n + 63) >>> 6];
            touchedWords = new int[seen.length];
            buckets = new int[maxD + 1][];
            counts = new int[maxD + 1];
        }

        void reset() {
            found = 0;
            Arrays.fill(counts, 0);
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                seen[touchedWords[i]] = 0;
            }
            touchedCount = 0;
        }

        /** Records a first touch of seen[w] (called right after setting a bit; a word is recorded once). */
        void touched(int w) {
            if (Long.bitCount(seen[w]) == 1) {
                touchedWords[touchedCount++] = w;
            }
        }

        void add(int row, int d) {
            int[] b = buckets[d];
            int c = counts[d];
            if (b == null) {
                b = buckets[d] = new int[64];
            } else if (c == b.length) {
                b = buckets[d] = Arrays.copyOf(b, c * 2);
            }
            b[c] = row;
            counts[d] = c + 1;
        }

        int countUpTo(int d) {
            int top = Math.min(d, counts.length - 1);
            int s = 0;
            for (int i = 0; i <= top; i++) {
                s += counts[i];
            }
            return s;
        }

        /** Up to {@code want} candidates with distance ≤ maxD, by distance then row. */
        List<Hit> collect(long[] ids, int want, int maxD) {
            List<Hit> out = new ArrayList<>(Math.min(want, Math.max(16, found)));
            for (int d = 0; d <= maxD && d < counts.length && out.size() < want; d++) {
                int c = counts[d];
                if (c == 0) {
                    continue;
                }
                int[] b = buckets[d];
                Arrays.sort(b, 0, c); // rows found in probe order; ties go to the lower row
                for (int i = 0; i < c && out.size() < want; i++) {
                    out.add(new Hit(ids[b[i]], d, b[i]));
                }
            }
            return out;
        }
    }
}
