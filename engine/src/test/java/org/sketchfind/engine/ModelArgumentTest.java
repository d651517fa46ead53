package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code paper-table --model [LABEL=]FILE}. */
class ModelArgumentTest {

    @Test
    void aPlainFileKeepsTheModelsOwnMethodName() {
        ModelArgument a = ModelArgument.parse("models/zsih-sketchy-64.zip");
        assertNull(a.label());
        assertEquals(Path.of("models/zsih-sketchy-64.zip"), a.file());
        assertEquals("ZSIH", a.rowName("ZSIH"));
    }

    @Test
    void aLabelNamesTheRow() {
        ModelArgument a = ModelArgument.parse("ZSIH, 60 epochs=runs/h60/model.zip");
        assertEquals("ZSIH, 60 epochs", a.label());
        assertEquals(Path.of("runs/h60/model.zip"), a.file());
        assertEquals("ZSIH, 60 epochs", a.rowName("ZSIH"));
    }

    @Test
    void aLabelMayHoldAnEqualsSign() {
        ModelArgument a = ModelArgument.parse("ZSIH + semantic term (λ = 100), 20 epochs=runs/p64/model.zip");
        assertEquals("ZSIH + semantic term (λ = 100), 20 epochs", a.label());
        assertEquals(Path.of("runs/p64/model.zip"), a.file());
    }

    @Test
    void anExistingFileWhoseNameHoldsAnEqualsSignIsAFile(@TempDir Path dir) throws Exception {
        Path f = Files.createFile(dir.resolve("t=5.zip"));
        ModelArgument a = ModelArgument.parse(f.toString());
        assertNull(a.label());
        assertEquals(f, a.file());
    }
}
