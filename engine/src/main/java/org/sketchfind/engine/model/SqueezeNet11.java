package org.sketchfind.engine.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * SqueezeNet 1.1 (Iandola et al. 2016) with the ImageNet weights of {@code models/squeezenet1.1} (ONNX model zoo /
 * MXNet-Gluon export). It stands in for the paper's AlexNet: the attention model pools its last fire module's
 * 512×13×13 map (the paper takes AlexNet's map before its last pooling layer).
 *
 * <pre>
 * input [N,3,224,224]
 * conv0 3→64 3×3 stride 2, no padding, ReLU          → 111×111
 * max-pool 3×3 stride 2 (floor)                       → 55×55
 * fire0, fire1   (squeeze 16, expand 64+64)
 * max-pool                                            → 27×27
 * fire2, fire3   (squeeze 32, expand 128+128)
 * max-pool                                            → 13×13
 * fire4 … fire7  (squeeze 48/48/64/64, expand 192+192, 192+192, 256+256, 256+256)
 *                                                     → map [N,512,13,13]
 * conv25 512→1000 1×1, ReLU; global average pool     → logits [N,1000]
 * </pre>
 * Fire module k: squeeze 1×1 (weights conv{3k+1}), expand 1×1 (conv{3k+2}) and expand 3×3 with padding 1
 * (conv{3k+3}), every convolution followed by ReLU, the two expands concatenated on channels (1×1 first). The
 * training-time dropout before conv25 is left out. Reproduces the three reference logits of the weights' test data.
 */
public final class SqueezeNet11 extends Backbone {
    public static final String NAME = "squeezenet1.1";
    /** {@link #displayName()}, known without loading the network. */
    public static final String DISPLAY_NAME = "SqueezeNet 1.1";
    /** Number of ImageNet classes. */
    public static final int CLASSES = 1000;
    /** (squeeze, expand) channel counts of the eight fire modules. */
    private static final int[][] FIRE = {{16, 64}, {16, 64}, {32, 128}, {32, 128}, {48, 192}, {48, 192},
            {64, 256}, {64, 256}};

    SqueezeNet11(Path dir) throws IOException {
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
        return 512;
    }

    @Override
    public int height() {
        return 13;
    }

    @Override
    public int width() {
        return 13;
    }

    @Override
    public boolean hasLogits() {
        return true;
    }

    @Override
    public String mapDescription() {
        return "last fire module (fire7), 512×13×13";
    }

    @Override
    void define(OnnxGraph g) throws IOException {
        String x = g.input(INPUT, 3, INPUT_SIZE, INPUT_SIZE);
        x = conv(g, x, 0, 3, 64, 3, 2, 0);
        x = g.maxPool(x, 3, 2, "pool0");
        int channels = 64;
        for (int k = 0; k < FIRE.length; k++) {
            int s = FIRE[k][0];
            int e = FIRE[k][1];
            String squeeze = conv(g, x, 3 * k + 1, channels, s, 1, 1, 0);
            String e1 = conv(g, squeeze, 3 * k + 2, s, e, 1, 1, 0);
            String e3 = conv(g, squeeze, 3 * k + 3, s, e, 3, 1, 1);
            x = g.concatChannels(k == FIRE.length - 1 ? MAP : "fire" + k, e1, e3);
            channels = 2 * e;
            if (k == 1 || k == 3) {
                x = g.maxPool(x, 3, 2, "pool" + (k == 1 ? 1 : 2));
            }
        }
        g.output(MAP, channels(), height(), width());
        String classes = conv(g, x, 25, channels, CLASSES, 1, 1, 0);
        g.globalAveragePool(classes, LOGITS);
        g.output(LOGITS, CLASSES);
    }

    /** conv{index} (k×k, in→out) with its bias, then ReLU. */
    private static String conv(OnnxGraph g, String x, int index, int in, int out, int k, int stride, int pad)
            throws IOException {
        String w = g.weight("weights/squeezenet0_conv" + index + "_weight.npy", out, in, k, k);
        String b = g.weight("weights/squeezenet0_conv" + index + "_bias.npy", out);
        String c = g.conv(x, w, b, k, stride, pad, 1, "conv" + index + "_linear");
        return g.relu(c, "conv" + index);
    }
}
