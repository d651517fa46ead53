package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.code.Codes;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PackedCodesTest {
    @Test
    void appendAndGetRoundTripAcrossGrowthForEveryWidth() {
        for (int bits : new int[]{1, 16, 32, 63, 64, 65, 100, 128}) {
            Random r = new Random(bits);
            PackedCodes pc = new PackedCodes(bits, 1);
            long[][] kept = new long[300][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = RandomCodes.random(r, bits);
                assertEquals(i, pc.append(5_000_000_000L + i, kept[i]));
            }
            assertEquals(kept.length, pc.size());
            assertEquals(Codes.words(bits), pc.words());
            for (int i = 0; i < kept.length; i++) {
                assertArrayEquals(kept[i], pc.get(i), bits + " bits, row " + i);
                assertEquals(5_000_000_000L + i, pc.id(i));
            }
        }
    }

    @Test
    void appendAllMatchesAppend() {
        Random r = new Random(3);
        PackedCodes one = new PackedCodes(100);
        PackedCodes bulk = new PackedCodes(100);
        bulk.append(-1, RandomCodes.random(r, 100));
        one.append(-1, bulk.get(0));
        long[] packed = new long[10 * 2];
        long[] ids = new long[10];
        for (int i = 0; i < 10; i++) {
            long[] c = RandomCodes.random(r, 100);
            System.arraycopy(c, 0, packed, 2 * i, 2);
            ids[i] = i * 11L;
            one.append(ids[i], c);
        }
        assertEquals(1, bulk.appendAll(ids, packed));
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), bulk.get(i));
            assertEquals(one.id(i), bulk.id(i));
        }
    }

    @Test
    void rejectsCodesOfAnotherLength() {
        PackedCodes pc = new PackedCodes(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pc.append(1, new long[2]));
        assertTrue(e.getMessage().contains("64-bit"), e.getMessage());
        PackedCodes p100 = new PackedCodes(100);
        e = assertThrows(IllegalArgumentException.class, () -> p100.append(2, new long[]{0, 1L << 40}));
        assertTrue(e.getMessage().contains("beyond bit 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p100.appendAll(new long[]{1}, new long[]{0, -1L}));
        assertThrows(IllegalArgumentException.class, () -> new PackedCodes(0));
        assertThrows(IllegalArgumentException.class, () -> new PackedCodes(129));
        assertThrows(IndexOutOfBoundsException.class, () -> pc.get(0));
        assertEquals(0, pc.size());
    }
}
