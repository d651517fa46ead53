package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Encoder f (image) or g (sketch) of the paper (Sec. 2.1): backbone feature map → attention pooling
 * ({@link AttentionPooling}) → fully-connected 256-d feature with ReLU → fully-connected layer with sigmoid to M
 * outputs. The binary code is Eq. 9, b = 1[output ≥ 0.5] ({@link org.sketchfind.engine.code.Codes#packSigmoid}).
 * The two encoders share the structure but have separate weights (prefixes {@code im_} and {@code sk_}).
 */
public final class HashEncoder {
    /** Prefix of the image encoder f's variables. */
    public static final String IMAGE = "im_";
    /** Prefix of the sketch encoder g's variables. */
    public static final String SKETCH = "sk_";

    /**
     * @param feature the 256-d feature h (input of Eq. 2) [N, embedDim]
     * @param output  the sigmoid outputs f(x) or g(y) [N, M]
     */
    public record Outputs(SDVariable feature, SDVariable output) {
    }

    private HashEncoder() {
    }

    /** Builds one encoder on feature maps [N, C, H, W]; the output variable is named {@code prefix + "out"}. */
    public static Outputs build(Params p, String prefix, SDVariable maps, ZsihConfig cfg) {
        SDVariable pooled = AttentionPooling.build(p, prefix, maps, cfg);
        SDVariable wf = p.weight(prefix + "fc_w", cfg.featureChannels(), cfg.embedDim());
        SDVariable bf = p.bias(prefix + "fc_b", cfg.embedDim(), 0.0);
        SDVariable feature = p.sd().nn().relu(prefix + "feature", pooled.mmul(wf).add(bf), 0.0);
        SDVariable wh = p.weight(prefix + "hash_w", cfg.embedDim(), cfg.bits());
        SDVariable bh = p.bias(prefix + "hash_b", cfg.bits(), 0.0);
        SDVariable out = p.sd().nn().sigmoid(prefix + "out", feature.mmul(wh).add(bh));
        return new Outputs(feature, out);
    }

    /** The shape of each of one encoder's variables under {@code cfg}, in {@link #parameterNames} order. */
    public static java.util.Map<String, long[]> parameterShapes(String prefix, ZsihConfig cfg) {
        long c = cfg.featureChannels();
        long a = cfg.attentionHidden();
        long e = cfg.embedDim();
        long m = cfg.bits();
        long[][] shapes = {{c, a}, {1, a}, {a, 1}, {1, 1}, {c, e}, {1, e}, {e, m}, {1, m}};
        String[] names = parameterNames(prefix);
        java.util.Map<String, long[]> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], shapes[i]);
        }
        return out;
    }

    /** Names of one encoder's trainable variables, in a fixed order. */
    public static String[] parameterNames(String prefix) {
        return new String[]{prefix + "att_w1", prefix + "att_b1", prefix + "att_w2", prefix + "att_b2",
                prefix + "fc_w", prefix + "fc_b", prefix + "hash_w", prefix + "hash_b"};
    }
}
