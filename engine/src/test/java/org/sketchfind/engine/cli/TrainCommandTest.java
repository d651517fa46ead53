package org.sketchfind.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code train} end to end on src-test-data with the real SqueezeNet feature maps and the full-size multi-modal
 * network: a few steps on the 8 seen classes, every loss term finite, a model file that {@code encode} loads, and a
 * second invocation with {@code --resume} that continues from the checkpoint instead of starting over.
 */
class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainsOnSeenClassesWritesAModelAndResumes() throws Exception {
        Path run = tmp.resolve("run");
        String[] common = {"train", "--data", TestData.path("sketchy").toString(),
                "--glove", TestData.path("glove", "glove.6B.100d.subset.txt").toString(),
                "--bits", "16", "--batch", "16", "--held-out", "1", "--epochs", "2", "--checkpoint-every", "2",
                "--cache", tmp.resolve("cache").toString(), "--out", run.toString(), "--json"};
        CliRun first = CliRun.of(concat(common, "--max-steps", "2"));
        assertEquals(0, first.code(), first.err());
        JsonNode r = SearchPipelineTest.json(first.out());
        assertEquals(2, r.get("steps").asInt());
        for (String term : List.of("loss_decoder", "loss_log_q", "loss_image_code", "loss_sketch_code", "loss_total",
                "loss_image_semantic", "loss_sketch_semantic")) {                 // the term is on by default
            assertTrue(Double.isFinite(r.get("losses").get(term).asDouble()), term + " finite: " + r);
        }
        assertTrue(first.err().contains("8 seen classes"), "only the seen classes train: " + first.err());
        assertTrue(first.err().contains("Eq. 3 graph at t = 0.1: nearest other class"), first.err());
        Path model = run.resolve("model.zip");
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(run.resolve("losses.csv")));

        CliRun second = CliRun.of(concat(common, "--max-steps", "4", "--resume"));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("resuming at step"), second.err());
        assertEquals(4, SearchPipelineTest.json(second.out()).get("steps").asInt());

        // a run folder made with other settings, and a validation hold-out the data cannot take: clear refusals
        List<String> checkpoints = listing(run.resolve("checkpoints"));
        CliRun other = CliRun.of(concat(common, "--max-steps", "6", "--resume", "--t", "5"));
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("sketchfind train:") && other.err().contains("another config"), other.err());
        assertTrue(other.err().contains("t=0.100000") && other.err().contains("t=5.00000"),
                "both configs are shown, so the difference can be seen: " + other.err());
        assertFalse(other.err().contains("\tat "), "no stack trace: " + other.err());
        assertEquals(checkpoints, listing(run.resolve("checkpoints")), "the refused resume left the checkpoints be");
        String[] tooMany = concat(common, "--validation-classes", "7");
        tooMany[java.util.Arrays.asList(tooMany).indexOf(run.toString())] = tmp.resolve("run2").toString();
        CliRun refused = CliRun.of(tooMany);
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("can hold out 1 to 6 of the 8 classes"), refused.err());

        // the encoder-side semantic term (not in the paper): logged per encoder, kept in the model file; refused
        // where there is no Gaussian decoder to read the codes with
        String[] semantic = concat(common, "--max-steps", "2", "--semantic-weight", "0.5");
        semantic[java.util.Arrays.asList(semantic).indexOf(run.toString())] = tmp.resolve("run3").toString();
        CliRun sem = CliRun.of(semantic);
        assertEquals(0, sem.code(), sem.err());
        JsonNode semLosses = SearchPipelineTest.json(sem.out()).get("losses");
        for (String term : List.of("loss_image_semantic", "loss_sketch_semantic")) {
            assertTrue(semLosses.get(term).asDouble() > 0, term + " logged: " + semLosses);
        }
        org.sketchfind.engine.model.ModelFile.Loaded semModel =
                org.sketchfind.engine.model.ModelFile.read(tmp.resolve("run3").resolve("model.zip"));
        assertEquals(0.5, semModel.manifest().config().semanticWeight());
        assertTrue(semModel.modelCard().contains("Encoder-side semantic term (not in the paper): weight 0.5"),
                semModel.modelCard());
        CliRun classifier = CliRun.of(concat(semantic, "--decoder", "CLASSIFIER"));
        assertEquals(2, classifier.code(), classifier.err());
        assertTrue(classifier.err().contains("sketchfind train:") && classifier.err().contains("classifier ablation"),
                classifier.err());

        CliRun enc = CliRun.of("encode", TestData.path("quickdraw", "simplified", "cat.ndjson").toString(),
                "--model", model.toString(), "--json");
        assertEquals(0, enc.code(), enc.err());
        JsonNode code = SearchPipelineTest.json(enc.out());
        assertEquals(16, code.get("bits").asInt());
        assertEquals(4, code.get("code").asText().length());
        assertEquals("sketch", code.get("encoder").asText());
    }

    @Test
    void theSemanticTermIsOnByDefaultOnlyWhereThereIsADecoderMean() {
        TrainCommand gaussian = picocli.CommandLine.populateCommand(new TrainCommand(), "--data", "d", "--out", "o");
        assertEquals(TrainingRequest.DEFAULT_SEMANTIC_WEIGHT, gaussian.request().semanticWeightOrDefault());
        TrainCommand classifier = picocli.CommandLine.populateCommand(new TrainCommand(), "--data", "d", "--out", "o",
                "--decoder", "CLASSIFIER");
        assertEquals(0.0, classifier.request().semanticWeightOrDefault());
        TrainCommand paper = picocli.CommandLine.populateCommand(new TrainCommand(), "--data", "d", "--out", "o",
                "--semantic-weight", "0");
        assertEquals(0.0, paper.request().semanticWeightOrDefault(), "--semantic-weight 0 trains the paper's loss");
        TrainCommand given = picocli.CommandLine.populateCommand(new TrainCommand(), "--data", "d", "--out", "o",
                "--semantic-weight", "3", "--decoder", "CLASSIFIER");
        assertEquals(3.0, given.request().semanticWeightOrDefault(),
                "a weight given with the classifier is passed on, and the config refuses it");
    }

    @Test
    void everyOptionReachesTheRequestAndTheDefaultsAreTheShippedRecipe() {
        TrainingRequest defaults = picocli.CommandLine.populateCommand(new TrainCommand(), "--data", "d", "--out", "o")
                .request();
        assertEquals(TrainingRequest.builder(Path.of("d"), Path.of("o")).build(), defaults,
                "the command's defaults are the engine's recipe");
        TrainingRequest r = picocli.CommandLine.populateCommand(new TrainCommand(), "--data", "d", "--out", "o",
                "--glove", "g", "--split", "s", "--cache", "c", "--backbone", "mobilenetv2-1.0", "--resume",
                "--bits", "32", "--epochs", "3", "--max-steps", "7", "--batch", "8", "--t", "0.5", "--lr", "0.01",
                "--entropy-weight", "1", "--entropy-warmup", "0", "--semantic-weight", "2", "--anchor-weight", "0.5",
                "--seed", "9",
                "--held-out", "2", "--validation-classes", "4", "--checkpoint-every", "5", "--fusion", "CONCATENATION",
                "--propagation", "FULLY_CONNECTED", "--decoder", "CLASSIFIER", "--binarization", "QUANTIZATION")
                .request();
        assertEquals(new TrainingRequest(Path.of("d"), Path.of("g"), "s", Path.of("c"), "mobilenetv2-1.0", Path.of("o"),
                true, 32, 3, 7, 8, 0.5, 0.01, 1, 0, 2.0, 0.5, 9, 2, 4, 5, "CONCATENATION", "FULLY_CONNECTED", "CLASSIFIER",
                "QUANTIZATION"), r);
        assertEquals(2, CliRun.of("train", "--data", "d", "--out", "o", "--glove",
                TestData.path("glove", "glove.6B.100d.subset.txt").toString(), "--fusion", "SUM").code(),
                "an unknown ablation switch is refused");
    }

    private static List<String> listing(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName() + ":" + f.toFile().length() + ":" + f.toFile().lastModified())
                    .sorted().toList();
        }
    }

        private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
