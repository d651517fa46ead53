package org.sketchfind.engine.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.index.FileSha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SqueezeNetTest {
    private static SqueezeNet net;

    @BeforeAll
    static void load() throws IOException {
        net = SqueezeNet.load();
    }

    /**
     * The three reference pairs shipped with the weights: same logits within 2e-4 absolute, same arg-max; for both
     * engines.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(SqueezeNet.Engine.class)
    void reproducesTheReferenceOutputs(SqueezeNet.Engine engine) throws IOException {
        SqueezeNet net = engine == SqueezeNetTest.net.engine() ? SqueezeNetTest.net
                : SqueezeNet.load(SqueezeNetTest.net.directory(), engine);
        assertEquals(engine, net.engine());
        Sha256Sums sums = Sha256Sums.read(net.directory().resolve("SHA256SUMS"));
        double worst = 0;
        for (int i = 0; i < 3; i++) {
            Path set = TestData.path("squeezenet-reference", "test_data_set_" + i);
            sums.verify("test_data_set_" + i + "/input_0.npy", set.resolve("input_0.npy"));
            sums.verify("test_data_set_" + i + "/output_0.npy", set.resolve("output_0.npy"));
            INDArray input = NpyReader.readINDArray(set.resolve("input_0.npy"));
            INDArray expected = NpyReader.readINDArray(set.resolve("output_0.npy"));
            SqueezeNet.Forward f = net.forward(input);
            INDArray logits = f.logits();
            assertArrayEquals(new long[]{1, 1000}, logits.shape());
            assertEquals(DataType.FLOAT, logits.dataType());
            double maxAbs = logits.sub(expected).amaxNumber().doubleValue();
            double maxLogit = expected.amaxNumber().doubleValue();
            System.out.printf(engine + " reference set %d: max |logit - reference| = %.3g (largest |logit| %.1f), argmax %d/%d%n",
                    i, maxAbs, maxLogit, logits.argMax(1).getInt(0), expected.argMax(1).getInt(0));
            worst = Math.max(worst, maxAbs);
            // 2e-4 absolute, or 1e-6 of the largest logit (~0.3e-3 for logits near 300) where float32 accumulation
            // order differs between builds (OpenBLAS/oneDNN, thread count)
            double tol = Math.max(2e-4, 1e-6 * maxLogit);
            assertTrue(maxAbs <= tol, "set " + i + ": max abs error " + maxAbs + " > " + tol);
            assertEquals(expected.argMax(1).getInt(0), logits.argMax(1).getInt(0), "arg-max of set " + i);
            // the single-output methods agree with the combined pass
            assertEquals(0.0, net.logits(input).sub(logits).amaxNumber().doubleValue(), 1e-3);
        }
        System.out.printf(engine + " worst max abs error over the 3 reference sets: %.3g%n", worst);
    }

    @Test
    void exposesFeatureMapAndPooledFeature() throws IOException {
        INDArray input = NpyReader.readINDArray(
                TestData.path("squeezenet-reference", "test_data_set_1", "input_0.npy"));
        INDArray batch = Nd4j.concat(0, input, input.mul(0.5));
        INDArray map = net.featureMap(batch);
        assertArrayEquals(new long[]{2, 512, 13, 13}, map.shape());
        assertTrue(map.minNumber().doubleValue() >= 0, "ReLU output");
        assertTrue(map.maxNumber().doubleValue() > 0);
        INDArray pooled = net.pooled(batch);
        assertArrayEquals(new long[]{2, 512}, pooled.shape());
        // pooled = spatial mean of the map, checked by hand for one channel
        double sum = 0;
        for (int y = 0; y < 13; y++) {
            for (int x = 0; x < 13; x++) {
                sum += map.getDouble(1, 7, y, x);
            }
        }
        assertEquals(sum / 169, pooled.getDouble(1, 7), 1e-4);
        // the logits are conv25 + ReLU + average over this map: recompute them from the map by hand
        INDArray w = NpyReader.readINDArray(net.directory().resolve("weights/squeezenet0_conv25_weight.npy")).reshape(1000, 512);
        INDArray b = NpyReader.readINDArray(net.directory().resolve("weights/squeezenet0_conv25_bias.npy")).reshape(1000, 1);
        INDArray m0 = map.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).reshape(512, 169);
        INDArray byHand = org.nd4j.linalg.ops.transforms.Transforms.relu(w.mmul(m0).addiColumnVector(b)).mean(1);
        INDArray logits = net.logits(input);
        assertEquals(0.0, byHand.sub(logits.reshape(1000)).amaxNumber().doubleValue(), 1e-3);
        // batching does not change the result for the first item
        // (the random reference input gives large activations: compare relative to the largest value)
        double scale = pooled.amaxNumber().doubleValue();
        assertEquals(0.0, net.pooled(input).sub(pooled.getRow(0).reshape(1, 512)).amaxNumber().doubleValue(),
                1e-5 * scale);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(SqueezeNet.Engine.class)
    void refusesABrokenWeightFile(SqueezeNet.Engine engine, @TempDir Path tmp) throws IOException {
        Path src = net.directory();
        Path copy = tmp.resolve("squeezenet1.1");
        Files.createDirectories(copy.resolve("weights"));
        Files.copy(src.resolve("SHA256SUMS"), copy.resolve("SHA256SUMS"));
        try (Stream<Path> files = Files.list(src.resolve("weights"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve("weights").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path victim = copy.resolve("weights/squeezenet0_conv7_weight.npy");
        byte[] original = Files.readAllBytes(victim);
        byte[] bytes = original.clone();
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(victim, bytes);
        IOException e = assertThrows(IOException.class, () -> SqueezeNet.load(copy, engine));
        assertTrue(e.getMessage().contains("squeezenet0_conv7_weight.npy") && e.getMessage().contains("SHA-256 mismatch"),
                e.getMessage());

        // a well-formed file of the wrong shape, with a matching checksum, is refused by its shape
        Path other = copy.resolve("weights/squeezenet0_conv8_weight.npy");
        Files.copy(other, victim, StandardCopyOption.REPLACE_EXISTING);
        Path sumsFile = copy.resolve("SHA256SUMS");
        String sums = Files.readString(sumsFile).replace(FileSha256.hex(src.resolve("weights/squeezenet0_conv7_weight.npy")),
                FileSha256.hex(victim));
        Files.writeString(sumsFile, sums);
        IOException shape = assertThrows(IOException.class, () -> SqueezeNet.load(copy, engine));
        assertTrue(shape.getMessage().contains("squeezenet0_conv7_weight.npy") && shape.getMessage().contains("shape"),
                shape.getMessage());

        Files.delete(victim);
        IOException missing = assertThrows(IOException.class, () -> SqueezeNet.load(copy, engine));
        assertTrue(missing.getMessage().contains("squeezenet0_conv7_weight.npy"), missing.getMessage());
        IOException noDir = assertThrows(IOException.class, () -> SqueezeNet.load(tmp.resolve("nowhere"), engine));
        assertTrue(noDir.getMessage().contains("nowhere"), noDir.getMessage());
    }

    @Test
    void bothEnginesAndBothGraphViewsAgree() throws IOException {
        INDArray input = NpyReader.readINDArray(
                TestData.path("squeezenet-reference", "test_data_set_2", "input_0.npy"));
        SqueezeNet other = SqueezeNet.load(net.directory(), net.engine() == SqueezeNet.Engine.SAMEDIFF
                ? SqueezeNet.Engine.COMPUTATION_GRAPH : SqueezeNet.Engine.SAMEDIFF);
        INDArray a = net.featureMap(input);
        INDArray b = other.featureMap(input);
        double scale = a.amaxNumber().doubleValue();
        assertEquals(0.0, a.sub(b).amaxNumber().doubleValue(), 1e-5 * scale);
        // the DL4J graph view is a working network with the feature-map vertex
        INDArray viaGraph = net.graph().output(java.util.List.of(SqueezeNet.FEATURE_MAP), false,
                new INDArray[]{input}, null)[0];
        assertEquals(0.0, a.sub(viaGraph).amaxNumber().doubleValue(), 1e-5 * scale);
        // the SameDiff view likewise
        INDArray viaSd = net.sameDiff().output(java.util.Map.of("input", input), SqueezeNet.FEATURE_MAP)
                .get(SqueezeNet.FEATURE_MAP);
        assertEquals(0.0, a.sub(viaSd).amaxNumber().doubleValue(), 1e-5 * scale);
    }

    @Test
    void rejectsWrongInputShapes() {
        assertThrows(IllegalArgumentException.class, () -> net.featureMap(Nd4j.zeros(DataType.FLOAT, 1, 1, 224, 224)));
        assertThrows(IllegalArgumentException.class, () -> net.featureMap(Nd4j.zeros(DataType.FLOAT, 3, 224, 224)));
    }
}
