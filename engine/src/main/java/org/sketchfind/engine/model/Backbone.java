package org.sketchfind.engine.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A frozen, ImageNet-pretrained CNN that turns an image batch into the feature maps the ZSIH encoders pool. Two
 * implementations: {@link SqueezeNet11} (512×13×13, with ImageNet logits) and {@link MobileNetV2} (1280×7×7, no
 * classifier). Each knows its name (stored in model files and feature-cache keys), its input transform (both:
 * {@link ImagePreprocessor}'s 224×224 crop or pad with the ImageNet mean and deviation), its feature-map shape,
 * its pooled dimension (= channels: the global average of the map) and the SHA-256 of its weights.
 *
 * <p>Inference runs on ONNX Runtime (CPU provider; the CUDA provider where the {@code cuda} build's GPU runtime
 * finds a GPU). The graph is written in memory from the checksummed {@code .npy} weights by {@link OnnxGraph} when
 * the backbone loads. One session per backbone per process ({@link Backbones#shared}), reused and safe to call from
 * several threads at once; intra-op threads = available processors.
 */
public abstract sealed class Backbone implements AutoCloseable permits SqueezeNet11, MobileNetV2 {
    /** Side of the square network input. */
    public static final int INPUT_SIZE = ImagePreprocessor.SIZE;
    /** The ONNX graph's input and outputs. */
    static final String INPUT = "input";
    static final String MAP = "map";
    static final String LOGITS = "logits";

    private final Path directory;
    private final String weightsSha256;
    private final byte[] graph;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String provider;

    /** One forward pass: {@code n} feature maps [n, C, H, W] (C order) and, if the network has them, ImageNet logits [n, 1000]. */
    public record Forward(int n, float[] maps, float[] logits) {
    }

    Backbone(Path directory) throws IOException {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + ": " + displayName() + " weights folder not found");
        }
        Path sums = directory.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
            throw new IOException(sums + ": checksum file not found");
        }
        this.weightsSha256 = HexFormat.of().formatHex(sha256(Files.readAllBytes(sums)));
        OnnxGraph g = new OnnxGraph(name(), directory);
        define(g);
        this.graph = g.toBytes();
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.provider = configureProvider(opts);
            this.session = env.createSession(graph, opts);
        } catch (OrtException e) {
            throw new IOException(displayName() + ": ONNX Runtime could not load the network: " + e.getMessage(), e);
        }
    }

    /** Stable identifier, e.g. {@code squeezenet1.1}: the weights folder's name under {@code models/}. */
    public abstract String name();

    /** Human-readable name, e.g. "SqueezeNet 1.1". */
    public abstract String displayName();

    /** C of the feature map. */
    public abstract int channels();

    /** H of the feature map for a 224×224 input. */
    public abstract int height();

    /** W of the feature map for a 224×224 input. */
    public abstract int width();

    /** Whether {@link Forward#logits()} holds ImageNet logits. */
    public abstract boolean hasLogits();

    /** What the feature map is, in words (for model cards and {@code embed}). */
    public abstract String mapDescription();

    /** Adds the network to {@code g}: input {@link #INPUT} [N,3,224,224], output {@link #MAP} (and {@link #LOGITS}). */
    abstract void define(OnnxGraph g) throws IOException;

    /** Length of the pooled feature (global average of the map): the channel count. */
    public final int pooledDim() {
        return channels();
    }

    /** Floats per image in the feature map. */
    public final int mapSize() {
        return channels() * height() * width();
    }

    /** SHA-256 of the weights folder's {@code SHA256SUMS}, which lists and pins every weight file. */
    public final String weightsSha256() {
        return weightsSha256;
    }

    /** The weights folder. */
    public final Path directory() {
        return directory;
    }

    /** The ONNX graph this backbone runs (what {@code export-onnx} writes). */
    public final byte[] onnxGraph() {
        return graph.clone();
    }

    /** The ONNX Runtime execution provider in use ("CPU" or "CUDA"). */
    public final String provider() {
        return provider;
    }

    /**
     * Runs the network on {@code n} normalised images, {@code input} holding [n, 3, 224, 224] in C order (see
     * {@link ImagePreprocessor#batchArray}).
     */
    public final Forward forward(float[] input, int n) {
        if (n < 1 || input.length != (long) n * 3 * INPUT_SIZE * INPUT_SIZE) {
            throw new IllegalArgumentException("input of " + input.length + " floats is not " + n + "×3×"
                    + INPUT_SIZE + "×" + INPUT_SIZE);
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
                new long[]{n, 3, INPUT_SIZE, INPUT_SIZE});
             OrtSession.Result r = session.run(Map.of(INPUT, t))) {
            float[] maps = copy((OnnxTensor) r.get(MAP).orElseThrow(), (long) n * mapSize());
            float[] logits = hasLogits()
                    ? copy((OnnxTensor) r.get(LOGITS).orElseThrow(), (long) n * SqueezeNet11.CLASSES) : null;
            return new Forward(n, maps, logits);
        } catch (OrtException e) {
            throw new IllegalStateException(displayName() + " forward pass failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return displayName() + " (" + name() + ", " + channels() + "×" + height() + "×" + width() + ", " + provider
                + ")";
    }

    private static float[] copy(OnnxTensor t, long expected) {
        FloatBuffer b = t.getFloatBuffer();
        if (b.remaining() != expected) {
            throw new IllegalStateException("backbone output of " + b.remaining() + " floats, expected " + expected);
        }
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    /** The CUDA provider where the runtime has it (the {@code cuda} build) and a GPU answers, else the CPU. */
    private static String configureProvider(OrtSession.SessionOptions opts) {
        if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)
                && !"cpu".equalsIgnoreCase(System.getProperty("sketchfind.onnx.provider", ""))) {
            try {
                opts.addCUDA(0);
                return "CUDA";
            } catch (OrtException noGpu) {
                // fall back to the CPU provider
            }
        }
        return "CPU";
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
