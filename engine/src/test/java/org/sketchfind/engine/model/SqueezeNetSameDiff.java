package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The same ReferenceSqueezeNet 1.1 inference network as {@link ReferenceSqueezeNet}, built in SameDiff: every convolution and pooling
 * runs as one libnd4j op, so the oneDNN build of the backend can use its oneDNN kernels (DL4J M2.1's
 * ComputationGraph layers cannot: their oneDNN helper looks up a class that moved, and falls back to im2col + gemm).
 */
final class SqueezeNetSameDiff {
    private final SameDiff sd;
    private final String featureName;
    private final String logitsName;

    private SqueezeNetSameDiff(SameDiff sd, String featureName, String logitsName) {
        this.sd = sd;
        this.featureName = featureName;
        this.logitsName = logitsName;
    }

    static SqueezeNetSameDiff load(Path dir) throws IOException {
        Nd4jRuntime.init();
        Sha256Sums sums = Sha256Sums.read(dir.resolve("SHA256SUMS"));
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("input", DataType.FLOAT, -1, 3, -1, -1);
        SDVariable h = conv(sd, dir, sums, x, 0, 3, 64, 3, 2, 0);
        h = pool(sd, h, "pool0");
        int channels = 64;
        for (int k = 0; k < 8; k++) {
            int sq = ReferenceSqueezeNet.fire(k)[0];
            int ex = ReferenceSqueezeNet.fire(k)[1];
            SDVariable s = conv(sd, dir, sums, h, 3 * k + 1, channels, sq, 1, 1, 0);
            SDVariable e1 = conv(sd, dir, sums, s, 3 * k + 2, sq, ex, 1, 1, 0);
            SDVariable e3 = conv(sd, dir, sums, s, 3 * k + 3, sq, ex, 3, 1, 1);
            h = sd.concat("fire" + k, 1, e1, e3);
            channels = 2 * ex;
            if (k == 1 || k == 3) {
                h = pool(sd, h, "pool" + (k == 1 ? 1 : 2));
            }
        }
        SDVariable c25 = conv(sd, dir, sums, h, 25, channels, ReferenceSqueezeNet.CLASSES, 1, 1, 0);
        SDVariable logits = c25.mean(ReferenceSqueezeNet.LOGITS, 2, 3);
        return new SqueezeNetSameDiff(sd, h.name(), logits.name());
    }

    private static SDVariable conv(SameDiff sd, Path dir, Sha256Sums sums, SDVariable in, int index, int inC, int outC,
                                   int k, int stride, int pad) throws IOException {
        INDArray[] wb = ReferenceSqueezeNet.readConv(dir, sums, index, inC, outC, k);
        SDVariable w = sd.constant("conv" + index + "_W", wb[0]);
        SDVariable b = sd.constant("conv" + index + "_b", wb[1]);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
        return sd.nn().relu("conv" + index, sd.cnn().conv2d(in, w, b, cfg), 0.0);
    }

    private static SDVariable pool(SameDiff sd, SDVariable in, String name) {
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return sd.cnn().maxPooling2d(name, in, cfg);
    }

    SameDiff sameDiff() {
        return sd;
    }

    INDArray featureMap(INDArray nchw) {
        synchronized (sd) {
            return sd.output(Map.of("input", nchw), featureName).get(featureName);
        }
    }

    INDArray logits(INDArray nchw) {
        synchronized (sd) {
            return sd.output(Map.of("input", nchw), logitsName).get(logitsName);
        }
    }

    ReferenceSqueezeNet.Forward forward(INDArray nchw) {
        Map<String, INDArray> out;
        synchronized (sd) {
            out = sd.output(Map.of("input", nchw), List.of(featureName, logitsName));
        }
        INDArray map = out.get(featureName);
        return new ReferenceSqueezeNet.Forward(map, ReferenceSqueezeNet.poolFeatureMap(map), out.get(logitsName));
    }
}
