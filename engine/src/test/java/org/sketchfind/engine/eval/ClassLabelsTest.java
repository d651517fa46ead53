package org.sketchfind.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassLabelsTest {
    @Test
    void namesFromDifferentSourcesMatchAfterNormalising() {
        ClassLabels labels = new ClassLabels();
        int[] gallery = labels.labelsOf(List.of("teddy_bear", "airplane", "Teddy-Bear"));
        int[] queries = labels.labelsOf(List.of("teddy bear", "AIRPLANE", "hot air  balloon", "hot-air_balloon"));
        assertArrayEquals(new int[]{0, 1, 0}, gallery);
        assertArrayEquals(new int[]{0, 1, 2, 2}, queries);
        assertEquals(List.of("teddy_bear", "airplane", "hot air  balloon"), labels.names());
        assertEquals(-1, labels.find("cup"));
        assertEquals(1, labels.find(" Airplane "));
        assertThrows(IllegalArgumentException.class, () -> labels.labelOf("_-"));
    }
}
