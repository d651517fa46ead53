package org.sketchfind.engine.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * MobileNetV2 1.0 at 224 (Sandler et al., CVPR 2018), ImageNet weights with batch norm folded into the convolutions
 * ({@code models/mobilenetv2-1.0}; ONNX model zoo {@code mobilenetv2-7}, Apache-2.0). About 72 % ImageNet top-1
 * against SqueezeNet 1.1's 58 %, at a similar cost. Its 1000-class classifier is not shipped, so it has no logits;
 * the attention model pools the last 1×1 convolution's 1280×7×7 map.
 *
 * <pre>
 * conv 0: 3→32 3×3 stride 2, ReLU6;  conv 2: depthwise 3×3, ReLU6;  conv 4: 1×1 32→16, linear
 * 16 inverted-residual blocks: 1×1 expand + ReLU6 → depthwise 3×3 (stride s) + ReLU6 → 1×1 project (linear),
 *   plus the block's input where the stride is 1 and the width is unchanged (see {@link #BLOCKS})
 * conv 95: 1×1 320→1280, ReLU6                        → map [N,1280,7,7]
 * </pre>
 * Every 3×3 convolution has padding 1; a convolution whose weight has one input channel per group is depthwise
 * (groups = channels).
 */
public final class MobileNetV2 extends Backbone {
    public static final String NAME = "mobilenetv2-1.0";
    /** {@link #displayName()}, known without loading the network. */
    public static final String DISPLAY_NAME = "MobileNetV2 1.0";
    /** {first conv index, input width, expanded width, output width, stride, residual} of each block. */
    private static final int[][] BLOCKS = {
            {5, 16, 96, 24, 2, 0}, {10, 24, 144, 24, 1, 1}, {16, 24, 144, 32, 2, 0}, {21, 32, 192, 32, 1, 1},
            {27, 32, 192, 32, 1, 1}, {33, 32, 192, 64, 2, 0}, {38, 64, 384, 64, 1, 1}, {44, 64, 384, 64, 1, 1},
            {50, 64, 384, 64, 1, 1}, {56, 64, 384, 96, 1, 0}, {61, 96, 576, 96, 1, 1}, {67, 96, 576, 96, 1, 1},
            {73, 96, 576, 160, 2, 0}, {78, 160, 960, 160, 1, 1}, {84, 160, 960, 160, 1, 1},
            {90, 160, 960, 320, 1, 0}};

    MobileNetV2(Path dir) throws IOException {
        super(dir);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public int channels() {
        return 1280;
    }

    @Override
    public int height() {
        return 7;
    }

    @Override
    public int width() {
        return 7;
    }

    @Override
    public boolean hasLogits() {
        return false;
    }

    @Override
    public String mapDescription() {
        return "last 1×1 convolution (conv 95), 1280×7×7";
    }

    @Override
    void define(OnnxGraph g) throws IOException {
        String zero = g.scalar("relu6_min", 0f);
        String six = g.scalar("relu6_max", 6f);
        String x = g.input(INPUT, 3, INPUT_SIZE, INPUT_SIZE);
        x = conv(g, x, 0, 3, 32, 3, 2, false, zero, six, "conv0");
        x = conv(g, x, 2, 32, 32, 3, 1, true, zero, six, "conv2");
        x = conv(g, x, 4, 32, 16, 1, 1, false, null, null, "conv4");
        for (int i = 0; i < BLOCKS.length; i++) {
            int[] b = BLOCKS[i];
            String e = conv(g, x, b[0], b[1], b[2], 1, 1, false, zero, six, "block" + i + "_expand");
            String d = conv(g, e, b[0] + 2, b[2], b[2], 3, b[4], true, zero, six, "block" + i + "_depthwise");
            String p = conv(g, d, b[0] + 4, b[2], b[3], 1, 1, false, null, null, "block" + i + "_project");
            x = b[5] == 1 ? g.add(x, p, "block" + i) : p;
        }
        conv(g, x, 95, 320, 1280, 1, 1, false, zero, six, MAP);
        g.output(MAP, channels(), height(), width());
    }

    /**
     * conv_{index}: k×k, in→out (depthwise: groups = in = out, weight [out,1,k,k]), padding k/2, with its bias;
     * then ReLU6 when {@code lo}/{@code hi} are given, linear otherwise.
     */
    private static String conv(OnnxGraph g, String x, int index, int in, int out, int k, int stride,
                               boolean depthwise, String lo, String hi, String name) throws IOException {
        String w = g.weight("weights/conv_" + index + "_weight.npy", out, depthwise ? 1 : in, k, k);
        String b = g.weight("weights/conv_" + index + "_bias.npy", out);
        String c = g.conv(x, w, b, k, stride, k / 2, depthwise ? in : 1, lo == null ? name : name + "_linear");
        return lo == null ? c : g.clip(c, lo, hi, name);
    }
}
