package org.sketchfind.app.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

class SearchRunnerTest {
    @Test
    void messagesAUserCanActOn() {
        String notWired = SearchRunner.describe(new UnsupportedOperationException(EngineSketchSearch.NOT_WIRED));
        assertTrue(notWired.startsWith("Sketch search is not available"), notWired);
        assertEquals("Search failed: model.zip: bad manifest",
                SearchRunner.describe(new IOException("model.zip: bad manifest")));
        assertEquals("Search failed: NullPointerException", SearchRunner.describe(new NullPointerException()));
    }
}
