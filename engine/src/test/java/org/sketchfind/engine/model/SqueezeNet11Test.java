package org.sketchfind.engine.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.data.FileSha256;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** SqueezeNet 1.1 on ONNX Runtime: the reference logits, the feature map, and agreement with the SameDiff network. */
class SqueezeNet11Test {
    private static Backbone net;

    @BeforeAll
    static void load() throws IOException {
        net = Backbones.shared(SqueezeNet11.NAME);
    }

    /** The three reference pairs shipped with the weights: same logits within 2e-4 absolute, same arg-max. */
    @Test
    void reproducesTheReferenceOutputs() throws IOException {
        Sha256Sums sums = Sha256Sums.read(net.directory().resolve("SHA256SUMS"));
        for (int i = 0; i < 3; i++) {
            Path set = TestData.path("squeezenet-reference", "test_data_set_" + i);
            sums.verify("test_data_set_" + i + "/input_0.npy", set.resolve("input_0.npy"));
            sums.verify("test_data_set_" + i + "/output_0.npy", set.resolve("output_0.npy"));
            NpyReader.NpyArray input = NpyReader.read(set.resolve("input_0.npy"));
            float[] expected = NpyReader.read(set.resolve("output_0.npy")).data();
            float[] logits = net.forward(input.data(), 1).logits();
            assertEquals(1000, logits.length);
            double maxAbs = 0;
            double maxLogit = 0;
            for (int k = 0; k < 1000; k++) {
                maxAbs = Math.max(maxAbs, Math.abs(logits[k] - expected[k]));
                maxLogit = Math.max(maxLogit, Math.abs(expected[k]));
            }
            System.out.printf("ONNX Runtime reference set %d: max |logit - reference| = %.3g (largest |logit| %.1f)%n",
                    i, maxAbs, maxLogit);
            double tol = Math.max(2e-4, 1e-6 * maxLogit);
            assertTrue(maxAbs <= tol, "set " + i + ": max abs error " + maxAbs + " > " + tol);
            assertEquals(argMax(expected), argMax(logits), "arg-max of set " + i);
        }
    }

    @Test
    void exposesFeatureMapPooledFeatureAndLogits() throws IOException {
        float[] one = NpyReader.read(TestData.path("squeezenet-reference", "test_data_set_1", "input_0.npy")).data();
        float[] two = new float[2 * one.length];
        System.arraycopy(one, 0, two, 0, one.length);
        for (int i = 0; i < one.length; i++) {
            two[one.length + i] = 0.5f * one[i];
        }
        Backbone.Forward f = net.forward(two, 2);
        assertEquals(2 * 512 * 169, f.maps().length);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (float v : f.maps()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 0 && max > 0, "a ReLU output, not all zero");
        float[][] pooled = FeatureExtractor.pool(f.maps(), 2, 512, 169);
        double sum = 0;
        for (int p = 0; p < 169; p++) {
            sum += f.maps()[(512 + 7) * 169 + p];
        }
        assertEquals(sum / 169, pooled[1][7], 1e-4);
        // the logits are conv25 + ReLU + average over the map: recompute them from the map by hand
        INDArray w = NpyReader.readINDArray(net.directory().resolve("weights/squeezenet0_conv25_weight.npy")).reshape(1000, 512);
        INDArray b = NpyReader.readINDArray(net.directory().resolve("weights/squeezenet0_conv25_bias.npy")).reshape(1000, 1);
        INDArray m0 = Nd4j.create(java.util.Arrays.copyOf(f.maps(), 512 * 169), new long[]{512, 169}, 'c');
        INDArray byHand = org.nd4j.linalg.ops.transforms.Transforms.relu(w.mmul(m0).addiColumnVector(b)).mean(1);
        for (int k = 0; k < 1000; k += 37) {
            assertEquals(byHand.getDouble(k), f.logits()[k], 1e-3);
        }
        // a batch of one gives the first item of the batch of two
        float[] single = net.forward(one, 1).maps();
        for (int i = 0; i < single.length; i += 101) {
            assertEquals(single[i], f.maps()[i], 1e-4 * max);
        }
    }

    /**
     * The ONNX Runtime network computes the same 512×13×13 maps as the SameDiff network it replaces, on real
     * photos and sketches of src-test-data, so feature caches and model files made before stay valid.
     */
    @Test
    void mapsMatchTheSameDiffNetworkOnRealImages() throws IOException {
        ReferenceSqueezeNet reference = ReferenceSqueezeNet.load(net.directory());
        List<BufferedImage> photos = new ArrayList<>(FeatureExtractorTest.images("photo", "guitar").subList(0, 2));
        List<BufferedImage> sketches = FeatureExtractorTest.images("sketch", "cat").subList(0, 2);
        for (ImagePreprocessor.Mode mode : ImagePreprocessor.Mode.values()) {
            List<BufferedImage> images = mode == ImagePreprocessor.Mode.PHOTO ? photos : sketches;
            float[] input = ImagePreprocessor.batchArray(images, mode);
            float[] ort = net.forward(input, images.size()).maps();
            float[] sd = reference.featureMap(ImagePreprocessor.batch(images, mode)).reshape(-1).toFloatVector();
            assertEquals(ort.length, sd.length);
            double maxAbs = 0;
            double scale = 0;
            for (int i = 0; i < ort.length; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(ort[i] - sd[i]));
                scale = Math.max(scale, Math.abs(sd[i]));
            }
            System.out.printf("%s maps, ONNX Runtime vs SameDiff: max abs difference %.3g (largest value %.1f)%n",
                    mode, maxAbs, scale);
            assertTrue(maxAbs <= 1e-5 * scale + 1e-4, mode + ": " + maxAbs + " of " + scale);
        }
    }

    @Test
    void refusesABrokenWeightFile(@TempDir Path tmp) throws IOException {
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
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(victim, bytes);
        IOException e = assertThrows(IOException.class, () -> Backbones.load(SqueezeNet11.NAME, copy));
        assertTrue(e.getMessage().contains("squeezenet0_conv7_weight.npy") && e.getMessage().contains("SHA-256 mismatch"),
                e.getMessage());

        // a well-formed file of the wrong shape, with a matching checksum, is refused by its shape
        Path other = copy.resolve("weights/squeezenet0_conv8_weight.npy");
        Files.copy(other, victim, StandardCopyOption.REPLACE_EXISTING);
        Path sumsFile = copy.resolve("SHA256SUMS");
        Files.writeString(sumsFile, Files.readString(sumsFile).replace(
                FileSha256.hex(src.resolve("weights/squeezenet0_conv7_weight.npy")), FileSha256.hex(victim)));
        IOException shape = assertThrows(IOException.class, () -> Backbones.load(SqueezeNet11.NAME, copy));
        assertTrue(shape.getMessage().contains("squeezenet0_conv7_weight.npy") && shape.getMessage().contains("shape"),
                shape.getMessage());

        Files.delete(victim);
        IOException missing = assertThrows(IOException.class, () -> Backbones.load(SqueezeNet11.NAME, copy));
        assertTrue(missing.getMessage().contains("squeezenet0_conv7_weight.npy"), missing.getMessage());
        IOException noDir = assertThrows(IOException.class,
                () -> Backbones.load(SqueezeNet11.NAME, tmp.resolve("nowhere")));
        assertTrue(noDir.getMessage().contains("nowhere"), noDir.getMessage());
    }

    @Test
    void rejectsWrongInputSizesAndUnknownNames() {
        assertThrows(IllegalArgumentException.class, () -> net.forward(new float[3 * 224 * 224 - 1], 1));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new float[3 * 224 * 224], 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backbones.shared("alexnet"));
        assertTrue(e.getMessage().contains("squeezenet1.1") && e.getMessage().contains("mobilenetv2-1.0"),
                e.getMessage());
    }

    @Test
    void theOnnxGraphIsAValidModelThatRecordsItsOrigin() throws Exception {
        onnx.Onnx.ModelProto m = onnx.Onnx.ModelProto.parseFrom(net.onnxGraph());
        assertEquals("sketchfind", m.getProducerName());
        assertEquals(OnnxGraph.OPSET, m.getOpsetImport(0).getVersion());
        assertEquals(52, m.getGraph().getInitializerCount(), "26 convolutions, weight and bias each");
        assertEquals(List.of("map", "logits"), m.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
        assertEquals(net.weightsSha256(), FileSha256.hex(net.directory().resolve("SHA256SUMS")));
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
