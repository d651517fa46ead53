package org.sketchfind.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The shared {@code --split/--cache/--json} mixin and its data-set + split opening, through the real commands. */
class DatasetOptionsTest {

    @Test
    void dataSetWithoutClassTableIsOneClearLineAndExitCode2(@TempDir Path dir) throws Exception {
        String noTable = TestData.path("tu-berlin").toString(); // class folders, no classes.tsv
        for (String command : new String[]{"itq", "tsne"}) {
            Path out = dir.resolve(command + ".out");
            CliRun r = CliRun.of(command, "--data", noTable, "--cache",
                    dir.resolve("cache").toString(), "--out", out.toString(), "--json");
            assertEquals(2, r.code(), command + ": " + r.err());
            String why = noTable + " has no classes.tsv with a column split_sake_zeroshot1_25unseen";
            assertEquals("sketchfind " + command + ": " + why, r.err().strip(), command);
            // --json: the same refusal as one object on stdout
            var error = CliContractTest.oneObject(r);
            assertEquals(why, error.get("error").asText(), command);
            assertEquals(2, error.get("exit").asInt(), command);
            assertFalse(Files.exists(out), command + " wrote nothing");
        }
    }

    @Test
    void defaultsAndCacheFallback() {
        ItqCommand itq = picocli.CommandLine.populateCommand(new ItqCommand(), "--data", "d", "--out", "o");
        assertEquals("split_sake_zeroshot1_25unseen", itq.common.split);
        assertFalse(itq.common.json);
        assertNull(itq.common.cache, "no --cache: the engine's default");
        assertEquals(org.sketchfind.engine.Sketchfind.defaultDataDir().resolve("cache").resolve("features"),
                org.sketchfind.engine.Sketchfind.defaultFeatureCache());
        ItqCommand given = picocli.CommandLine.populateCommand(new ItqCommand(), "--data", "d", "--out", "o",
                "--cache", "c", "--split", "s", "--json");
        assertEquals(Path.of("c"), given.common.cache);
        assertEquals("s", given.common.split);
        assertTrue(given.common.json);
    }
}
