package org.sketchfind.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.index.Catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quick commands load neither ND4J nor ONNX Runtime nor a model: each runs in a fresh JVM whose class loading is
 * logged, and no class of those libraries may appear (they cost seconds to start).
 */
class QuickCommandsTest {
    @TempDir
    Path tmp;

    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-Djava.awt.headless=true",
                "-Dsketchfind.root=" + TestData.repoRoot(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + Files.readString(tmp.resolve("out.log")));
        return Files.readAllLines(log);
    }

    private void assertLight(String... args) throws IOException, InterruptedException {
        List<String> classes = loadedClasses(args);
        assertFalse(classes.isEmpty());
        for (String prefix : List.of("org.nd4j.", "ai.onnxruntime.", "org.bytedeco.", "org.deeplearning4j.")) {
            List<String> heavy = classes.stream().filter(l -> l.contains(" " + prefix)).limit(3).toList();
            assertTrue(heavy.isEmpty(), String.join(" ", args) + " loaded " + heavy);
        }
    }

    @Test
    void helpVersionStatusAndDatasetsLoadNoModel() throws Exception {
        Path data = tmp.resolve("data");
        Catalogue.open(data).close();
        assertLight("--help");
        assertLight("--version");
        assertLight("index", "status", "--json", "--data-dir", data.toString());
        assertLight("datasets", TestData.path("sketchy").toString(), "--json");
    }
}
