package org.sketchfind.engine.code;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class QueryExpansionTest {
    /** Majority per bit over the query and its neighbours; the query decides ties; codes longer than one word. */
    @Test
    void votesBitByBitAndTheQueryBreaksTies() {
        long[] q = {0b1010L, 1L};
        long[] a = {0b0110L, 1L};
        long[] b = {0b0111L, 0L};
        // bit 0: q0 a0 b1 -> 0; bit 1: q1 a1 b1 -> 1; bit 2: q0 a1 b1 -> 1; bit 3: q1 a0 b0 -> 0; bit 64: q1 a1 b0 -> 1
        assertArrayEquals(new long[]{0b0110L, 1L}, QueryExpansion.expand(q, List.of(a, b), 70));
        // one neighbour: 1 vs 1 everywhere they differ -> the query's bit
        assertArrayEquals(q, QueryExpansion.expand(q, List.of(b), 70));
        assertArrayEquals(q, QueryExpansion.expand(q, List.of(), 70), "no neighbours: the query itself");
        assertThrows(IllegalArgumentException.class, () -> QueryExpansion.expand(q, List.of(new long[1]), 70));
    }
}
