package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model file's summary, read without loading it, names the model exactly as the loaded model does. */
class ModelSummaryTest {
    @TempDir
    Path tmp;

    private static void assertSameModel(Path file) throws IOException {
        ModelSummary s = ModelSummary.of(file);
        HashingModel m = HashingModels.load(file);
        assertEquals(m.id(), s.id());
        assertEquals(m.name(), s.name());
        assertEquals(m.bits(), s.bits());
        assertEquals(m.backbone().name(), s.backbone());
    }

    @Test
    void theShippedDefaultModel() throws IOException {
        assertSameModel(HashingModels.defaultModelFile());
    }

    @Test
    void theShippedItqModel() throws IOException {
        assertSameModel(TestData.repoRoot().resolve("models/imagenet-itq-64.itq"));
    }

    @Test
    void aFileThatIsNoModelIsRefused() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "PK not really a zip");
        IOException e = assertThrows(IOException.class, () -> ModelSummary.of(junk));
        assertTrue(e.getMessage().contains("junk.zip"), e.getMessage());
        assertThrows(IOException.class, () -> ModelSummary.of(tmp.resolve("missing.zip")));
        Path text = Files.writeString(tmp.resolve("model.itq"), "hello, not an ITQ file");
        assertFalse(assertThrows(IOException.class, () -> ModelSummary.of(text)).getMessage().isBlank());
    }
}
