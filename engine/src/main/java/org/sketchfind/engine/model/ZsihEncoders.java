package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.code.Codes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Inference with the two ZSIH encoders: backbone feature maps [N, C, H, W] → sigmoid outputs f(x) / g(y) [N, M] →
 * binary codes by Eq. 9 ({@link Codes#packSigmoid}). Built from a model file ({@link #load}) or from weights in
 * memory ({@link #fromWeights}; the trainer refreshes them with {@link #assign} before each validation).
 */
public final class ZsihEncoders {
    private final SameDiff sd;
    private final ZsihConfig cfg;
    private final ModelManifest manifest;

    private ZsihEncoders(SameDiff sd, ZsihConfig cfg, ModelManifest manifest) {
        this.sd = sd;
        this.cfg = cfg;
        this.manifest = manifest;
    }

    /** Loads and validates a model file ({@link ModelFile#read}). */
    public static ZsihEncoders load(Path modelFile) throws IOException {
        ModelFile.Loaded l = ModelFile.read(modelFile);
        return new ZsihEncoders(build(l.manifest().config(), l.weights()), l.manifest().config(), l.manifest());
    }

    /**
     * Encoders holding a copy of the given weights (SameDiff copies arrays on {@code setArray}, so later in-place
     * changes of {@code weights} are not seen: call {@link #assign} to refresh).
     */
    public static ZsihEncoders fromWeights(ZsihConfig cfg, Map<String, INDArray> weights) {
        return new ZsihEncoders(build(cfg, weights), cfg, null);
    }

    /** Copies the current values of the encoder variables from {@code weights} (e.g. a training graph's). */
    public void assign(Map<String, INDArray> weights) {
        for (String name : ModelFile.expectedTensors(cfg).keySet()) {
            INDArray src = weights.get(name);
            INDArray dst = sd.getVariable(name).getArr();
            if (src == null || !Arrays.equals(src.shape(), dst.shape())) {
                throw new IllegalArgumentException("encoder weight " + name + " missing or mis-shaped");
            }
            dst.assign(src);
        }
    }

    private static SameDiff build(ZsihConfig cfg, Map<String, INDArray> weights) {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, DataType.FLOAT, cfg.seed());
        long[] mapShape = {-1, cfg.featureChannels(), cfg.featureHeight(), cfg.featureWidth()};
        SDVariable sk = sd.placeHolder(ZsihGraph.SKETCH_MAPS, DataType.FLOAT, mapShape);
        SDVariable im = sd.placeHolder(ZsihGraph.IMAGE_MAPS, DataType.FLOAT, mapShape);
        HashEncoder.build(p, HashEncoder.SKETCH, sk, cfg);
        HashEncoder.build(p, HashEncoder.IMAGE, im, cfg);
        for (Map.Entry<String, long[]> e : ModelFile.expectedTensors(cfg).entrySet()) {
            INDArray a = weights.get(e.getKey());
            if (a == null || !Arrays.equals(a.shape(), e.getValue())) {
                throw new IllegalArgumentException("encoder weight " + e.getKey() + " missing or mis-shaped");
            }
            sd.getVariable(e.getKey()).setArray(a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT));
        }
        return sd;
    }

    public ZsihConfig config() {
        return cfg;
    }

    public int bits() {
        return cfg.bits();
    }

    /** The model file's manifest, or null for {@link #fromWeights} encoders. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** f(x): image encoder sigmoid outputs [N, M] for photo feature maps [N, C, H, W]. */
    public INDArray imageOutputs(INDArray maps) {
        return run(ZsihGraph.IMAGE_MAPS, ZsihGraph.IMAGE_OUT, maps);
    }

    /** g(y): sketch encoder sigmoid outputs [N, M] for sketch feature maps [N, C, H, W]. */
    public INDArray sketchOutputs(INDArray maps) {
        return run(ZsihGraph.SKETCH_MAPS, ZsihGraph.SKETCH_OUT, maps);
    }

    public long[][] imageCodes(INDArray maps) {
        return codes(imageOutputs(maps));
    }

    public long[][] sketchCodes(INDArray maps) {
        return codes(sketchOutputs(maps));
    }

    /** Eq. 9 on each row. */
    public static long[][] codes(INDArray outputs) {
        long[][] out = new long[(int) outputs.size(0)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Codes.packSigmoid(outputs.getRow(i).toFloatVector());
        }
        return out;
    }

    private INDArray run(String placeholder, String output, INDArray maps) {
        long[] s = maps.shape();
        if (s.length != 4 || s[1] != cfg.featureChannels() || s[2] != cfg.featureHeight()
                || s[3] != cfg.featureWidth()) {
            throw new IllegalArgumentException("feature maps of shape " + Arrays.toString(s) + ", the model needs [N, "
                    + cfg.featureChannels() + ", " + cfg.featureHeight() + ", " + cfg.featureWidth() + "]");
        }
        INDArray in = maps.dataType() == DataType.FLOAT ? maps : maps.castTo(DataType.FLOAT);
        return sd.output(Map.of(placeholder, in), output).get(output);
    }
}
