package org.sketchfind.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTest {
    @Test
    void theVersionComesFromTheBuild() {
        String v = Sketchfind.version();
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+([-.][0-9A-Za-z.-]+)?"), v);
    }
}
