package org.sketchfind.engine.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * The pretrained ReferenceSqueezeNet 1.1 backbone (Iandola et al. 2016), with the ImageNet weights of {@code models/squeezenet1.1} (ONNX model zoo / MXNet-Gluon export). It stands in for the
 * paper's AlexNet: both encoders f and g start from it, and the attention model pools its last fire module's
 * 512×13×13 map (the paper takes AlexNet's map before its last pooling layer).
 *
 * <p>Graph (names are the vertex names; every convolution is followed by ReLU):
 * <pre>
 * input [N,3,H,W]
 * conv0 3→64 3×3 stride 2, no padding      (Truncate: floor output size; 224 → 111)
 * pool0 max 3×3 stride 2                   (Truncate; 111 → 55)
 * fire0, fire1                              (squeeze 16, expand 64+64)   55×55
 * pool1 max 3×3 stride 2                   (55 → 27)
 * fire2, fire3                              (squeeze 32, expand 128+128) 27×27
 * pool2 max 3×3 stride 2                   (27 → 13)
 * fire4 … fire7                             (squeeze 48/48/64/64, expand 192+192, 192+192, 256+256, 256+256)
 *                                           → {@value #FEATURE_MAP}: [N,512,13,13]
 * conv25 512→1000 1×1, ReLU; logits = global average pool → {@value #LOGITS}: [N,1000]
 * </pre>
 * Fire module k = {@code fire{k}_squeeze} (1×1, weights conv{3k+1}), {@code fire{k}_expand1} (1×1, conv{3k+2}) and
 * {@code fire{k}_expand3} (3×3, padding 1, conv{3k+3}), the two expands concatenated on channels (1×1 first) by the
 * merge vertex {@code fire{k}}. The pools use floor ("Truncate") output sizes; MXNet's ceil mode gives the same sizes
 * for a 224×224 input. The training-time dropout before conv25 is left out (inference graph).
 *
 * <p>Weights: NCHW {@code [out,in,kH,kW]} float32, the same layout DL4J's NCHW {@link ConvolutionLayer} keeps in its
 * "W" parameter; biases {@code [out]} go to "b" ({@code [1,out]}). Every weight file is checked against
 * {@code SHA256SUMS} before it is read.
 *
 * <p>Two engines compute the same function (both reproduce the reference outputs; see {@link Engine}): a SameDiff
 * graph ({@link SqueezeNetSameDiff}, the default: faster here, and the only one that uses the oneDNN kernels of the
 * oneDNN build) and a DL4J {@link ComputationGraph} built from {@link #configuration()}. The names above are the
 * ComputationGraph's vertex names; the SameDiff graph names its variables {@code conv{i}}, {@code pool{i}},
 * {@code fire{k}} and {@value #LOGITS}.
 *
 * <p>As a frozen feature extractor: {@link #graph()} is a plain ComputationGraph whose vertex {@value #FEATURE_MAP}
 * is the feature map (wrap it with DL4J's {@code TransferLearning}/{@code FrozenLayer}); {@link #sameDiff()} is a
 * SameDiff graph whose weights are constants; or (cheapest on a CPU) cache {@link #featureMap} outputs once and
 * train only the heads. The instance is safe to share between threads (forward passes are serialised).
 */
public final class ReferenceSqueezeNet {
    /** Vertex holding the last fire module's output, [N,512,13,13] for a 224×224 input. */
    public static final String FEATURE_MAP = "fire7";
    /** Vertex holding the 1000 ImageNet logits (before softmax). */
    public static final String LOGITS = "logits";
    /** Channels of the feature map. */
    public static final int FEATURE_CHANNELS = 512;
    /** Number of ImageNet classes. */
    public static final int CLASSES = 1000;
    /** Input side the weights were trained at. */
    public static final int INPUT_SIZE = 224;
    /** System property that overrides the weights folder. */
    public static final String DIR_PROPERTY = "sketchfind.squeezenet.dir";

    /** (squeeze, expand) channel counts of the eight fire modules. */
    private static final int[][] FIRE = {{16, 64}, {16, 64}, {32, 128}, {32, 128}, {48, 192}, {48, 192},
            {64, 256}, {64, 256}};

    /** Which implementation runs the forward passes. */
    public enum Engine {
        /**
         * SameDiff: one libnd4j op per convolution/pooling; uses oneDNN kernels in the oneDNN build. The default:
         * faster than the ComputationGraph in every benchmark run here (see {@code BackboneBenchmark}).
         */
        SAMEDIFF,
        /** DL4J ComputationGraph layers (im2col + gemm in M2.1). Same outputs; usable with DL4J's transfer learning. */
        COMPUTATION_GRAPH
    }

    /** System property choosing the engine ({@code samediff} or {@code computation_graph}). */
    public static final String ENGINE_PROPERTY = "sketchfind.backbone.engine";

    private final Path directory;
    private final Engine engine;
    private ComputationGraph graph;
    private SqueezeNetSameDiff sameDiff;

    private ReferenceSqueezeNet(Path directory, Engine engine, ComputationGraph graph, SqueezeNetSameDiff sameDiff) {
        this.directory = directory;
        this.engine = engine;
        this.graph = graph;
        this.sameDiff = sameDiff;
    }

    /**
     * Loads the weights from {@link #defaultDirectory()} with the {@link #defaultEngine()}.
     *
     * @throws IOException if a weight file is missing, fails its checksum or is malformed
     */
    public static ReferenceSqueezeNet load() throws IOException {
        return load(defaultDirectory());
    }

    /** Loads the weights from {@code dir} with the {@link #defaultEngine()}. */
    public static ReferenceSqueezeNet load(Path dir) throws IOException {
        return load(dir, defaultEngine());
    }

    /**
     * Loads the weights from {@code dir} (holding {@code SHA256SUMS} and
     * {@code weights/squeezenet0_conv{0..25}_{weight,bias}.npy}) into the given engine.
     *
     * @throws IOException naming the file if one is missing, fails its checksum, is malformed or has the wrong shape
     */
    public static ReferenceSqueezeNet load(Path dir, Engine engine) throws IOException {
        return engine == Engine.SAMEDIFF
                ? new ReferenceSqueezeNet(dir, engine, null, SqueezeNetSameDiff.load(checkDir(dir)))
                : new ReferenceSqueezeNet(dir, engine, loadGraph(dir), null);
    }

    /** {@link Engine#SAMEDIFF} unless the system property {@value #ENGINE_PROPERTY} says otherwise. */
    public static Engine defaultEngine() {
        String p = System.getProperty(ENGINE_PROPERTY);
        if (p == null || p.isBlank()) {
            return Engine.SAMEDIFF;
        }
        try {
            return Engine.valueOf(p.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENGINE_PROPERTY + " must be samediff or computation_graph, not " + p);
        }
    }

    private static Path checkDir(Path dir) throws IOException {
        Nd4jRuntime.init();
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": ReferenceSqueezeNet weights folder not found");
        }
        return dir;
    }

    /**
     * A new DL4J ComputationGraph holding the weights of {@code dir} (checksummed): input "input", vertices
     * {@value #FEATURE_MAP} and {@value #LOGITS}. For DL4J transfer learning (freeze with {@code FrozenLayer} /
     * {@code TransferLearning.GraphBuilder.setFeatureExtractor(FEATURE_MAP)}).
     */
    public static ComputationGraph loadGraph(Path dir) throws IOException {
        checkDir(dir);
        Sha256Sums sums = Sha256Sums.read(dir.resolve("SHA256SUMS"));
        ComputationGraph g = new ComputationGraph(configuration());
        g.init();
        loadConv(g, dir, sums, "conv0", 0);
        for (int k = 0; k < FIRE.length; k++) {
            loadConv(g, dir, sums, "fire" + k + "_squeeze", 3 * k + 1);
            loadConv(g, dir, sums, "fire" + k + "_expand1", 3 * k + 2);
            loadConv(g, dir, sums, "fire" + k + "_expand3", 3 * k + 3);
        }
        loadConv(g, dir, sums, "conv25", 25);
        return g;
    }

    /**
     * The default weights folder: the system property {@value #DIR_PROPERTY} if set; else
     * {@code squeezenet1.1} in the {@link ModelsFolder}.
     */
    public static Path defaultDirectory() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath().normalize();
        }
        return ModelsFolder.get().resolve("squeezenet1.1");
    }

    /** The inference graph: input "input" [N,3,H,W]; outputs {@value #LOGITS}; vertex {@value #FEATURE_MAP}. */
    public static ComputationGraphConfiguration configuration() {
        Nd4jRuntime.init();
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .seed(1)
                .updater(new NoOp())
                .weightInit(WeightInit.ZERO)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3));
        b.addLayer("conv0", conv(3, 64, 3, 2, 0), "input");
        b.addLayer("pool0", maxPool(), "conv0");
        String prev = "pool0";
        int channels = 64;
        for (int k = 0; k < FIRE.length; k++) {
            int s = FIRE[k][0];
            int e = FIRE[k][1];
            String f = "fire" + k;
            b.addLayer(f + "_squeeze", conv(channels, s, 1, 1, 0), prev);
            b.addLayer(f + "_expand1", conv(s, e, 1, 1, 0), f + "_squeeze");
            b.addLayer(f + "_expand3", conv(s, e, 3, 1, 1), f + "_squeeze");
            b.addVertex(f, new MergeVertex(), f + "_expand1", f + "_expand3");
            prev = f;
            channels = 2 * e;
            if (k == 1 || k == 3) {
                String pool = "pool" + (k == 1 ? 1 : 2);
                b.addLayer(pool, maxPool(), prev);
                prev = pool;
            }
        }
        b.addLayer("conv25", conv(channels, CLASSES, 1, 1, 0), prev);
        b.addLayer(LOGITS, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv25");
        b.setOutputs(LOGITS);
        return b.build();
    }

    private static ConvolutionLayer conv(int in, int out, int k, int stride, int pad) {
        return new ConvolutionLayer.Builder(k, k).nIn(in).nOut(out).stride(stride, stride).padding(pad, pad)
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(3, 3).stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate).build();
    }

    private static void loadConv(ComputationGraph g, Path dir, Sha256Sums sums, String layer, int index)
            throws IOException {
        Layer l = g.getLayer(layer);
        assign(l.getParam("W"), dir, sums, "weights/squeezenet0_conv" + index + "_weight.npy", layer);
        assign(l.getParam("b"), dir, sums, "weights/squeezenet0_conv" + index + "_bias.npy", layer);
    }

    /** (squeeze, expand) sizes of fire module k. */
    static int[] fire(int k) {
        return FIRE[k].clone();
    }

    /**
     * Reads conv{index}'s weight [out,in,k,k] and bias [out] after checking their checksums; an IOException naming
     * the file if a shape differs from the one this architecture needs.
     */
    static INDArray[] readConv(Path dir, Sha256Sums sums, int index, int in, int out, int k) throws IOException {
        String[] rel = {"weights/squeezenet0_conv" + index + "_weight.npy", "weights/squeezenet0_conv" + index + "_bias.npy"};
        long[][] expected = {{out, in, k, k}, {out}};
        INDArray[] wb = new INDArray[2];
        for (int i = 0; i < 2; i++) {
            Path file = dir.resolve(rel[i]);
            sums.verify(rel[i], file);
            NpyReader.NpyArray a = NpyReader.read(file);
            if (!Arrays.equals(a.shape(), expected[i])) {
                throw new IOException(file + ": shape " + Arrays.toString(a.shape()) + " does not fit conv" + index
                        + " (expects " + Arrays.toString(expected[i]) + ")");
            }
            wb[i] = a.toINDArray();
        }
        return wb;
    }

    private static void assign(INDArray param, Path dir, Sha256Sums sums, String rel, String layer)
            throws IOException {
        Path file = dir.resolve(rel);
        sums.verify(rel, file);
        NpyReader.NpyArray a = NpyReader.read(file);
        boolean bias = rel.endsWith("_bias.npy");
        boolean ok = bias ? a.shape().length == 1 && a.size() == param.length()
                : Arrays.equals(a.shape(), param.shape());
        if (!ok) {
            throw new IOException(file + ": shape " + Arrays.toString(a.shape()) + " does not fit layer " + layer
                    + " (expects " + Arrays.toString(param.shape()) + ")");
        }
        param.assign(a.toINDArray().reshape(param.shape()));
    }

    /** The weights folder this network was loaded from. */
    public Path directory() {
        return directory;
    }

    /** The engine running {@link #featureMap}, {@link #pooled}, {@link #logits} and {@link #forward}. */
    public Engine engine() {
        return engine;
    }

    /**
     * The network as a DL4J graph (input "input"; vertices {@value #FEATURE_MAP} and {@value #LOGITS}), built from
     * the same weights on first call if this instance runs on SameDiff.
     */
    public synchronized ComputationGraph graph() {
        if (graph == null) {
            try {
                graph = loadGraph(directory);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return graph;
    }

    /**
     * The network as a SameDiff graph (placeholder "input" [N,3,H,W] float32; variables {@value #FEATURE_MAP} and
     * {@value #LOGITS}; weights are constants, so it is frozen by construction), built on first call if this
     * instance runs on the ComputationGraph.
     */
    public synchronized org.nd4j.autodiff.samediff.SameDiff sameDiff() {
        return sameDiffNet().sameDiff();
    }

    private synchronized SqueezeNetSameDiff sameDiffNet() {
        if (sameDiff == null) {
            try {
                sameDiff = SqueezeNetSameDiff.load(directory);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return sameDiff;
    }

    /** The last fire module's output: [N,512,h,w] ([N,512,13,13] for 224×224) for a normalised [N,3,H,W] batch. */
    public INDArray featureMap(INDArray nchw) {
        INDArray in = checked(nchw);
        return engine == Engine.SAMEDIFF ? sameDiff.featureMap(in) : runGraph(in, FEATURE_MAP)[0];
    }

    /** Global average of {@link #featureMap}: [N,512]. */
    public INDArray pooled(INDArray nchw) {
        return poolFeatureMap(featureMap(nchw));
    }

    /** ImageNet logits before softmax: [N,1000]. */
    public INDArray logits(INDArray nchw) {
        INDArray in = checked(nchw);
        return engine == Engine.SAMEDIFF ? sameDiff.logits(in) : runGraph(in, LOGITS)[0];
    }

    /** Feature map, pooled feature and logits from one forward pass. */
    public Forward forward(INDArray nchw) {
        INDArray in = checked(nchw);
        if (engine == Engine.SAMEDIFF) {
            return sameDiff.forward(in);
        }
        INDArray[] out = runGraph(in, FEATURE_MAP, LOGITS);
        return new Forward(out[0], poolFeatureMap(out[0]), out[1]);
    }

    /** The global average over the spatial axes of an [N,C,h,w] map: [N,C]. */
    public static INDArray poolFeatureMap(INDArray map) {
        if (map.rank() != 4) {
            throw new IllegalArgumentException("expected an [N,C,h,w] map, got " + Arrays.toString(map.shape()));
        }
        return map.mean(2, 3);
    }

    /** Outputs of one forward pass: map [N,512,h,w], pooled [N,512], logits [N,1000]. */
    public record Forward(INDArray featureMap, INDArray pooled, INDArray logits) {
    }

    private static INDArray checked(INDArray nchw) {
        if (nchw.rank() != 4 || nchw.size(1) != 3) {
            throw new IllegalArgumentException("expected a normalised [N,3,H,W] batch, got "
                    + Arrays.toString(nchw.shape()));
        }
        if (nchw.size(2) < 31 || nchw.size(3) < 31) {
            throw new IllegalArgumentException("input too small for ReferenceSqueezeNet (needs at least 31×31): "
                    + Arrays.toString(nchw.shape()));
        }
        return nchw.dataType() == DataType.FLOAT ? nchw : nchw.castTo(DataType.FLOAT);
    }

    private INDArray[] runGraph(INDArray in, String... outputs) {
        synchronized (graph) {
            return graph.output(List.of(outputs), false, new INDArray[]{in}, null);
        }
    }
}
