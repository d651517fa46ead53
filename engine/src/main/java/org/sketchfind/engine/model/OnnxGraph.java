package org.sketchfind.engine.model;

import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes an inference graph in the ONNX format (opset 13) from weights kept as {@code .npy} files: the reproducible
 * step that turns {@code models/<backbone>/weights} into what ONNX Runtime runs. Nothing is downloaded and no
 * {@code .onnx} file is shipped: {@link Backbone}s build their graph in memory when they load (in ~0.1 s), and
 * {@code sketchfind export-onnx} writes the same bytes to a file for inspection (e.g. with Netron).
 *
 * <p>The protobuf classes are ONNX's own schema as compiled into {@code nd4j-api} ({@code onnx.Onnx}), so no extra
 * dependency is needed. Every weight file is checked against the folder's {@code SHA256SUMS} and its shape against
 * the shape the architecture needs before it enters the graph.
 */
final class OnnxGraph {
    /** ONNX operator set the graphs use. */
    static final int OPSET = 13;
    /** ONNX IR version 8 (ONNX 1.10+), read by ONNX Runtime 1.10 and later. */
    static final int IR_VERSION = 8;

    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
    private final Path dir;
    private final Sha256Sums sums;
    private int counter;

    OnnxGraph(String name, Path weightsDir) throws IOException {
        this.dir = weightsDir;
        this.sums = Sha256Sums.read(weightsDir.resolve("SHA256SUMS"));
        graph.setName(name);
    }

    /** Declares the float32 input {@code name} of shape [N, dims…] (N symbolic). */
    String input(String name, long... dims) {
        graph.addInput(valueInfo(name, dims));
        return name;
    }

    /** Declares {@code name} a float32 graph output of shape [N, dims…]. */
    void output(String name, long... dims) {
        graph.addOutput(valueInfo(name, dims));
    }

    /**
     * Adds the weight file {@code relative} (checked against SHA256SUMS and {@code expectedShape}) as an initializer.
     *
     * @return the initializer's name
     */
    String weight(String relative, long... expectedShape) throws IOException {
        Path file = dir.resolve(relative);
        sums.verify(relative, file);
        NpyReader.NpyArray a = NpyReader.read(file);
        if (!Arrays.equals(a.shape(), expectedShape)) {
            throw new IOException(file + ": shape " + Arrays.toString(a.shape()) + " does not fit this network"
                    + " (expects " + Arrays.toString(expectedShape) + ")");
        }
        String name = relative.replaceAll("[^A-Za-z0-9_]", "_");
        graph.addInitializer(tensor(name, a.data(), a.shape()));
        return name;
    }

    /** A float32 scalar constant. */
    String scalar(String name, float value) {
        graph.addInitializer(tensor(name, new float[]{value}, new long[0]));
        return name;
    }

    /** 2-D convolution with bias; {@code group} = channels for a depthwise convolution. */
    String conv(String x, String w, String b, int kernel, int stride, int pad, int group, String out) {
        graph.addNode(Onnx.NodeProto.newBuilder().setOpType("Conv").setName(out).addInput(x).addInput(w).addInput(b)
                .addOutput(out)
                .addAttribute(ints("kernel_shape", kernel, kernel))
                .addAttribute(ints("strides", stride, stride))
                .addAttribute(ints("pads", pad, pad, pad, pad))
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("group").setI(group)
                        .setType(Onnx.AttributeProto.AttributeType.INT)));
        return out;
    }

    String relu(String x, String out) {
        return simple("Relu", out, x);
    }

    /** clamp(x, lo, hi) with scalar initializers as bounds (ReLU6 = clip(x, 0, 6)). */
    String clip(String x, String lo, String hi, String out) {
        return simple("Clip", out, x, lo, hi);
    }

    String add(String a, String b, String out) {
        return simple("Add", out, a, b);
    }

    /** Concatenation on the channel axis. */
    String concatChannels(String out, String... xs) {
        Onnx.NodeProto.Builder n = Onnx.NodeProto.newBuilder().setOpType("Concat").setName(out).addOutput(out)
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("axis").setI(1)
                        .setType(Onnx.AttributeProto.AttributeType.INT));
        for (String x : xs) {
            n.addInput(x);
        }
        graph.addNode(n);
        return out;
    }

    /** Max pooling, square kernel, no padding, floor output size. */
    String maxPool(String x, int kernel, int stride, String out) {
        graph.addNode(Onnx.NodeProto.newBuilder().setOpType("MaxPool").setName(out).addInput(x).addOutput(out)
                .addAttribute(ints("kernel_shape", kernel, kernel))
                .addAttribute(ints("strides", stride, stride)));
        return out;
    }

    /** Global average pooling [N,C,H,W] → [N,C]. */
    String globalAveragePool(String x, String out) {
        String pooled = simple("GlobalAveragePool", out + "_nc11", x);
        graph.addNode(Onnx.NodeProto.newBuilder().setOpType("Flatten").setName(out).addInput(pooled).addOutput(out)
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("axis").setI(1)
                        .setType(Onnx.AttributeProto.AttributeType.INT)));
        return out;
    }

    /** A fresh intermediate name. */
    String fresh(String stem) {
        return stem + "_" + (counter++);
    }

    /** The serialised ModelProto. */
    byte[] toBytes() {
        return Onnx.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("sketchfind")
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private String simple(String op, String out, String... inputs) {
        Onnx.NodeProto.Builder n = Onnx.NodeProto.newBuilder().setOpType(op).setName(out).addOutput(out);
        for (String in : inputs) {
            n.addInput(in);
        }
        graph.addNode(n);
        return out;
    }

    private static Onnx.AttributeProto ints(String name, long... values) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static Onnx.TensorProto tensor(String name, float[] data, long[] shape) {
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(buf.array()));
        for (long d : shape) {
            t.addDims(d);
        }
        return t.build();
    }

    private static Onnx.ValueInfoProto valueInfo(String name, long... dims) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(Onnx.TypeProto.Tensor.newBuilder()
                        .setElemType(Onnx.TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }
}
