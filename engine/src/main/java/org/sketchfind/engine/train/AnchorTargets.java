package org.sketchfind.engine.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.model.AnchoredEncoders;
import org.sketchfind.engine.model.AttentionPooling;
import org.sketchfind.engine.model.ModelFile;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.model.ZsihEncoders;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anchored codes of a run ({@link ZsihConfig#anchorWeight()} &gt; 0): the closed-form encoders of
 * {@link AnchoredEncoders} fitted on the run's training items, and their outputs f₀(x) and g₀(y) for every training
 * photo and sketch, which the anchor term of the loss holds the encoders near. Deterministic for a given data set,
 * config and seed, so a resumed run recomputes the same targets.
 */
final class AnchorTargets {
    private final float[][] photo;
    private final float[][] sketch;

    private AnchorTargets(float[][] photo, float[][] sketch) {
        this.photo = photo;
        this.sketch = sketch;
    }

    /**
     * Fits the closed-form encoders on the training items of {@code data}; when {@code start} is true they are also
     * written into {@code params} (a new run starts from them; a resumed one keeps its checkpoint's weights).
     */
    static AnchorTargets fit(TrainingData data, ZsihConfig cfg, Map<String, INDArray> params, boolean start) {
        Map<String, INDArray> init = new LinkedHashMap<>();
        for (String name : ModelFile.expectedTensors(cfg).keySet()) {
            init.put(name, params.get(name).dup());
        }
        AnchoredEncoders.initialise(init, cfg, pooled(data.photoMaps(), data.trainPhotos()),
                classes(data.photoClasses(), data.trainPhotos()), pooled(data.sketchMaps(), data.trainSketches()),
                classes(data.sketchClasses(), data.trainSketches()));
        if (start) {
            init.forEach((name, value) -> params.get(name).assign(value));
        }
        ZsihEncoders enc = ZsihEncoders.fromWeights(cfg, init);
        return new AnchorTargets(outputs(enc, data.photoMaps(), data.trainPhotos(), false),
                outputs(enc, data.sketchMaps(), data.trainSketches(), true));
    }

    /** f₀ of training photo {@code item} (an index into the photo maps). */
    float[] photo(int item) {
        return photo[item];
    }

    /** g₀ of training sketch {@code item}. */
    float[] sketch(int item) {
        return sketch[item];
    }

    private static float[][] pooled(FeatureMaps maps, int[] items) {
        float[][] out = new float[items.length][];
        float[] buf = new float[maps.mapLength()];
        int hw = maps.height() * maps.width();
        for (int i = 0; i < items.length; i++) {
            maps.copyTo(items[i], buf, 0);
            out[i] = AttentionPooling.uniformPooled(buf, maps.channels(), hw);
        }
        return out;
    }

    private static int[] classes(int[] classOf, int[] items) {
        int[] out = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = classOf[items[i]];
        }
        return out;
    }

    /** The encoder's sigmoid outputs for the given items, stored at their item index. */
    private static float[][] outputs(ZsihEncoders enc, FeatureMaps maps, int[] items, boolean sketches) {
        float[][] out = new float[maps.size()][];
        int len = maps.mapLength();
        for (int from = 0; from < items.length; from += 64) {
            int n = Math.min(64, items.length - from);
            float[] buf = new float[n * len];
            for (int i = 0; i < n; i++) {
                maps.copyTo(items[from + i], buf, i * len);
            }
            INDArray x = Nd4j.create(buf, new long[]{n, maps.channels(), maps.height(), maps.width()}, 'c');
            INDArray y = sketches ? enc.sketchOutputs(x) : enc.imageOutputs(x);
            float[][] rows = (y.dataType() == DataType.FLOAT ? y : y.castTo(DataType.FLOAT)).toFloatMatrix();
            for (int i = 0; i < n; i++) {
                out[items[from + i]] = rows[i];
            }
        }
        return out;
    }
}
