package org.sketchfind.engine.index;

import org.sketchfind.engine.code.Codes;

import java.util.Arrays;
import java.util.Locale;

/**
 * N binary codes of M bits (1 ≤ M ≤ 128) packed row after row in one flat {@code long[]}: row {@code r} occupies
 * {@code data[r * words .. r * words + words)}, in the {@link Codes} layout (bit i in word i/64, bits beyond M zero).
 * Each row carries a {@code long} id (the catalogue's photo id); ids are returned by searches, rows are the
 * insertion order that breaks distance ties.
 *
 * <p>Append-only and not synchronised: appends must not run concurrently with searches (build, then publish the
 * store to searching threads through a happens-before edge, e.g. a final field or a lock). Searches cover the rows
 * present when they start.
 */
public final class PackedCodes {
    /** Largest supported code length in bits. */
    public static final int MAX_BITS = 128;

    private final int bits;
    private final int words;
    private long[] data;
    private long[] ids;
    private int size;

    public PackedCodes(int bits) {
        this(bits, 16);
    }

    public PackedCodes(int bits, int initialCapacity) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("code length must be 1.." + MAX_BITS + " bits, got " + bits);
        }
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("negative capacity: " + initialCapacity);
        }
        this.bits = bits;
        this.words = Codes.words(bits);
        this.data = new long[Math.max(1, initialCapacity) * words];
        this.ids = new long[Math.max(1, initialCapacity)];
    }

    public int bits() {
        return bits;
    }

    /** Longs per code: 1 for M ≤ 64, 2 for M ≤ 128. */
    public int words() {
        return words;
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    /** Appends one code and returns its row. */
    public int append(long id, long[] code) {
        checkCode(code, "code for id " + id);
        ensureCapacity(size + 1);
        System.arraycopy(code, 0, data, size * words, words);
        ids[size] = id;
        return size++;
    }

    /**
     * Appends {@code ids.length} codes stored back to back in {@code packed} (the same layout as this store) and
     * returns the first new row.
     */
    public int appendAll(long[] rowIds, long[] packed) {
        if (packed.length != rowIds.length * words) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d ids need %d longs of %d-bit codes, got %d", rowIds.length, rowIds.length * words, bits,
                    packed.length));
        }
        long mask = lastWordMask();
        for (int r = 0; r < rowIds.length; r++) {
            if ((packed[r * words + words - 1] & ~mask) != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "code for id %d has bits set beyond bit %d: not a %d-bit code", rowIds[r], bits, bits));
            }
        }
        int first = size;
        ensureCapacity(size + rowIds.length);
        System.arraycopy(packed, 0, data, size * words, packed.length);
        System.arraycopy(rowIds, 0, ids, size, rowIds.length);
        size += rowIds.length;
        return first;
    }

    /** A copy of the code in {@code row}. */
    public long[] get(int row) {
        checkRow(row);
        return Arrays.copyOfRange(data, row * words, row * words + words);
    }

    public long id(int row) {
        checkRow(row);
        return ids[row];
    }

    /** The backing array (length ≥ size × words); for searchers in this package only, never modified by them. */
    long[] data() {
        return data;
    }

    long[] ids() {
        return ids;
    }

    /**
     * Checks that {@code code} is a code of this store's length: exactly {@link #words()} longs and no bit set at or
     * beyond position {@link #bits()}.
     */
    void checkCode(long[] code, String what) {
        if (code == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (code.length != words) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has %d words (%d bits), but this index holds %d-bit codes (%d word%s)", what, code.length,
                    code.length * 64, bits, words, words == 1 ? "" : "s"));
        }
        if ((code[words - 1] & ~lastWordMask()) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has bits set beyond bit %d: not a %d-bit code", what, bits, bits));
        }
    }

    private long lastWordMask() {
        int rem = bits & 63;
        return rem == 0 ? -1L : (1L << rem) - 1;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
    }

    private void ensureCapacity(int rows) {
        if (rows < 0 || (long) rows * words > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many codes for one store: " + rows);
        }
        if (rows > ids.length) {
            int cap = (int) Math.min((long) Math.max(rows, ids.length + (ids.length >> 1) + 1),
                    (Integer.MAX_VALUE - 8) / words);
            ids = Arrays.copyOf(ids, cap);
            data = Arrays.copyOf(data, cap * words);
        }
    }
}
