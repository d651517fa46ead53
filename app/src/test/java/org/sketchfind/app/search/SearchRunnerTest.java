package org.sketchfind.app.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

class SearchRunnerTest {
    @Test
    void messagesAUserCanActOn() {
        assertEquals("Search failed: model.zip: bad manifest",
                SearchRunner.describe(new IOException("model.zip: bad manifest")));
        assertEquals("Search failed: NullPointerException", SearchRunner.describe(new NullPointerException()));
    }
}
