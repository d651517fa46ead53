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
 * <p>Layout for speed on a CPU where a random memory access costs as much as scanning dozens of codes: each table
 * stores, bucket after bucket, the rows and a copy of their codes, so verifying a bucket reads memory sequentially;
 * substrings of up to 24 bits are addressed directly (an offsets array) unless that array would dwarf the
 * collection, longer ones through open addressing.
 * Duplicates are recognised without a visited set: a row found while probing (r, j) was already found earlier iff
 * one of its substring distances d_i is below r, or equals r for some i &lt; j. When the next probe would take more
 * lookups than a scan of the collection costs (long substrings or large radii), the search verifies every row not
 * yet found instead, which keeps it exact and never much slower than {@link HammingIndex}.
 *
 * <p>The tables are built once from the store's rows at construction time (a snapshot: later appends are not seen;
 * build a new index). Queries are single-threaded and may run concurrently (scratch space is per thread). Memory:
 * m × N × (4 + 8·words) bytes plus the offsets.
 */
public final class MultiIndexHashing implements HammingSearcher {
    /** A table lookup (a random access) costs about this many sequentially scanned codes; sets the fallback. */
    static final int LOOKUP_COST_IN_CODES = 8;
    private static final int DIRECT_MAX_BITS = 24;

    private final PackedCodes codes;
    private final int n;
    private final int bits;
    private final int words;
    private final int m;
    private final int maxLen;
    private final int[] subStart;
    private final int[] subLen;
    private final long[] maskLo;
    private final long[] maskHi;
    private final Table[] tables;
    private final ThreadLocal<Scratch> scratch;

    /** Builds with {@link #recommendedSubstrings} substrings. */
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
        this.maskLo = new long[m];
        this.maskHi = new long[m];
        int base = bits / m;
        int extra = bits % m;
        int at = 0;
        int longest = 0;
        for (int j = 0; j < m; j++) {
            subStart[j] = at;
            subLen[j] = base + (j < extra ? 1 : 0);
            for (int b = at; b < at + subLen[j]; b++) {
                if (b < 64) {
                    maskLo[j] |= 1L << b;
                } else {
                    maskHi[j] |= 1L << (b - 64);
                }
            }
            at += subLen[j];
            longest = Math.max(longest, subLen[j]);
        }
        this.maxLen = longest;
        long[] data = codes.data();
        this.tables = new Table[m];
        for (int j = 0; j < m; j++) {
            tables[j] = Table.build(data, words, n, subStart[j], subLen[j]);
        }
        int maxD = bits;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(maxD));
    }

    /**
     * Substrings of about L = max(8, log2 N − 7) · √(64 / M) bits: m = round(M / L), at least ⌈M/64⌉.
     * Norouzi et al. recommend log2(N)-bit substrings, balancing table lookups against candidates at equal cost;
     * here a lookup into a large table is a random memory access while candidates are verified sequentially (codes
     * are stored beside the rows), so shorter substrings (smaller tables that stay in cache, more candidates)
     * measured faster: best m at N = 10^6 was 5–6 for 64-bit and 12–16 for 128-bit codes, at N = 10^7 (64-bit) 4–5
     * (docs/hamming-benchmark.md). The √(64/M) factor fits the 128-bit measurements (longer codes put the k-th
     * neighbour farther, which costs more probes per substring).
     */
    public static int recommendedSubstrings(int n, int bits) {
        double log2n = Math.log(Math.max(2, n)) / Math.log(2);
        double len = Math.max(8.0, log2n - 7) * Math.sqrt(64.0 / bits);
        int m = (int) Math.round(bits / len);
        return Math.min(bits, Math.max((bits + 63) / 64, Math.max(1, m)));
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
        s.reset(want, bits);
        long[] qsub = querySubstrings(query);
        outer:
        for (int r = 0; r <= maxLen; r++) {
            for (int j = 0; j < m; j++) {
                if (probeOrScan(j, qsub[j], r, query, s)) {
                    break outer; // everything verified
                }
                if (s.countUpTo(m * r + j) >= want) {
                    break outer; // every code within m·r + j is known and k of them are
                }
            }
        }
        return s.collect(codes.ids(), want);
    }

    @Override
    public List<Hit> withinRadius(long[] query, int radius) {
        codes.checkCode(query, "query");
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative: " + radius);
        }
        int limit = Math.min(radius, bits);
        Scratch s = scratch.get();
        s.reset(Integer.MAX_VALUE, limit);
        if (n == 0) {
            return List.of();
        }
        long[] qsub = querySubstrings(query);
        int rmax = limit / m; // a code within `limit` has some substring within ⌊limit/m⌋
        outer:
        for (int r = 0; r <= rmax; r++) {
            for (int j = 0; j < m; j++) {
                if (probeOrScan(j, qsub[j], r, query, s)) {
                    break outer;
                }
            }
        }
        return s.collect(codes.ids(), Integer.MAX_VALUE);
    }

    private long[] querySubstrings(long[] query) {
        long[] q = new long[m];
        for (int j = 0; j < m; j++) {
            q[j] = extract(query, 0, subStart[j], subLen[j]);
        }
        return q;
    }

    /**
     * Probes every value at exactly Hamming distance r from {@code q} in table j, or, when that would cost more
     * than scanning, verifies every row not found yet; returns true in the second case (nothing left to find).
     */
    private boolean probeOrScan(int j, long q, int r, long[] query, Scratch s) {
        int len = subLen[j];
        if (r > len) {
            return false;
        }
        if (binomial(len, r) * LOOKUP_COST_IN_CODES > n) {
            scanUnfound(r, j, query, s);
            return true;
        }
        Table t = tables[j];
        if (r == 0) {
            visit(t, j, 0, q, query, s);
            return false;
        }
        int[] pos = s.positions;
        for (int i = 0; i < r; i++) {
            pos[i] = i;
        }
        while (true) { // r-subsets of the len bit positions, in lexicographic order
            long key = q;
            for (int i = 0; i < r; i++) {
                key ^= 1L << pos[i];
            }
            visit(t, j, r, key, query, s);
            int i = r - 1;
            while (i >= 0 && pos[i] == len - r + i) {
                i--;
            }
            if (i < 0) {
                return false;
            }
            pos[i]++;
            for (int x = i + 1; x < r; x++) {
                pos[x] = pos[x - 1] + 1;
            }
        }
    }

    private void visit(Table t, int j, int r, long key, long[] query, Scratch s) {
        long range = t.bucket(key);
        int from = (int) (range >>> 32);
        int to = (int) range;
        if (from == to) {
            return;
        }
        int[] rows = t.rows;
        long[] tc = t.codes;
        long q0 = query[0];
        int lim = s.limit;
        if (words == 1) {
            for (int p = from; p < to; p++) {
                long x0 = tc[p] ^ q0;
                int d = Long.bitCount(x0);
                if (d <= lim && !foundBefore(x0, 0, r, j)) {
                    s.add(rows[p], d);
                    lim = s.limit;
                }
            }
        } else {
            long q1 = query[1];
            for (int p = from; p < to; p++) {
                long x0 = tc[2 * p] ^ q0;
                long x1 = tc[2 * p + 1] ^ q1;
                int d = Long.bitCount(x0) + Long.bitCount(x1);
                if (d <= lim && !foundBefore(x0, x1, r, j)) {
                    s.add(rows[p], d);
                    lim = s.limit;
                }
            }
        }
    }

    /**
     * Whether a code whose XOR with the query is (x0, x1) was found by a probe before (r, j) — probes go by radius,
     * then substring: some substring distance below r, or equal to r at a substring before j.
     */
    private boolean foundBefore(long x0, long x1, int r, int j) {
        for (int i = 0; i < m; i++) {
            int di = Long.bitCount(x0 & maskLo[i]) + Long.bitCount(x1 & maskHi[i]);
            if (di < r || di == r && i < j) {
                return true;
            }
        }
        return false;
    }

    /** Verifies every row not found by the probes before (r, j). */
    private void scanUnfound(int r, int j, long[] query, Scratch s) {
        long[] data = codes.data();
        long q0 = query[0];
        long q1 = words == 2 ? query[1] : 0;
        for (int row = 0; row < n; row++) {
            long x0 = data[row * words] ^ q0;
            long x1 = words == 2 ? data[row * words + 1] ^ q1 : 0;
            int d = Long.bitCount(x0) + Long.bitCount(x1);
            if (d <= s.limit && !foundBefore(x0, x1, r, j)) {
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

    /**
     * One substring's table: rows grouped by substring value (rows increasing within a group) with a copy of their
     * codes beside them. Substrings of ≤ 24 bits index an offsets array directly (when it has at most
     * max(4N, 65536) entries); others go through an open-addressing table of distinct values.
     */
    private static final class Table {
        final int[] rows;
        final long[] codes;
        /** Direct: offsets[v] .. offsets[v + 1]. */
        int[] offsets;
        /** Hashed: slot → key, group start, group size (size 0 = empty slot). */
        long[] keys;
        int[] start;
        int[] count;
        int mask;
        int shift;

        private Table(int n, int words) {
            rows = new int[n];
            codes = new long[n * words];
        }

        static Table build(long[] data, int words, int n, int subStart, int subLen) {
            Table t = new Table(n, words);
            int[] cursor;
            int[] slotOfRow = null;
            if (subLen <= DIRECT_MAX_BITS && (1L << subLen) <= Math.max(4L * n, 1L << 16)) {
                int[] off = t.offsets = new int[(1 << subLen) + 1];
                for (int i = 0; i < n; i++) {
                    off[(int) extract(data, i * words, subStart, subLen) + 1]++;
                }
                for (int v = 0; v < 1 << subLen; v++) {
                    off[v + 1] += off[v];
                }
                cursor = Arrays.copyOf(off, off.length - 1);
            } else {
                long want = Math.max(4, 2L * n);
                int log2 = Math.min(30, 64 - Long.numberOfLeadingZeros(want - 1));
                int cap = 1 << log2;
                t.keys = new long[cap];
                t.start = new int[cap];
                t.count = new int[cap];
                t.mask = cap - 1;
                t.shift = 64 - log2;
                slotOfRow = new int[n];
                for (int i = 0; i < n; i++) {
                    slotOfRow[i] = t.insert(extract(data, i * words, subStart, subLen));
                }
                int acc = 0;
                for (int sl = 0; sl < cap; sl++) {
                    t.start[sl] = acc;
                    acc += t.count[sl];
                }
                cursor = t.start.clone();
            }
            for (int i = 0; i < n; i++) {
                int g = slotOfRow == null ? (int) extract(data, i * words, subStart, subLen) : slotOfRow[i];
                int p = cursor[g]++;
                t.rows[p] = i;
                System.arraycopy(data, i * words, t.codes, p * words, words);
            }
            return t;
        }

        private int hash(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        }

        private int insert(long key) {
            int sl = hash(key);
            while (count[sl] != 0 && keys[sl] != key) {
                sl = (sl + 1) & mask;
            }
            keys[sl] = key;
            count[sl]++;
            return sl;
        }

        /** (start << 32) | end of the group holding {@code key}; start == end when none. */
        long bucket(long key) {
            if (offsets != null) {
                int v = (int) key;
                return ((long) offsets[v] << 32) | offsets[v + 1];
            }
            int sl = hash(key);
            while (count[sl] != 0) {
                if (keys[sl] == key) {
                    return ((long) start[sl] << 32) | (start[sl] + count[sl]);
                }
                sl = (sl + 1) & mask;
            }
            return 0;
        }
    }

    /**
     * Per-thread query state: candidates per distance. For k-NN, {@code limit} falls to the smallest distance D
     * with at least k candidates within D; farther candidates can never enter the answer and are dropped.
     */
    private static final class Scratch {
        final int[][] buckets;
        final int[] counts;
        final int[] positions = new int[65];
        int want;
        int limit;
        int held;

        Scratch(int maxD) {
            buckets = new int[maxD + 1][];
            counts = new int[maxD + 1];
        }

        void reset(int want, int limit) {
            Arrays.fill(counts, 0);
            this.want = want;
            this.limit = limit;
            this.held = 0;
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
            held++;
            while (held - counts[limit] >= want) {
                held -= counts[limit];
                counts[limit] = 0;
                limit--;
            }
        }

        int countUpTo(int d) {
            int top = Math.min(d, limit);
            int s = 0;
            for (int i = 0; i <= top; i++) {
                s += counts[i];
            }
            return s;
        }

        /** Up to {@code want} candidates by distance, then row. */
        List<Hit> collect(long[] ids, int want) {
            List<Hit> out = new ArrayList<>(Math.min(want, Math.max(16, held)));
            for (int d = 0; d <= limit && out.size() < want; d++) {
                int c = counts[d];
                if (c == 0) {
                    continue;
                }
                int[] b = buckets[d];
                Arrays.sort(b, 0, c); // rows arrive in probe order; ties go to the lower row
                for (int i = 0; i < c && out.size() < want; i++) {
                    out.add(new Hit(ids[b[i]], d, b[i]));
                }
            }
            return out;
        }
    }
}
