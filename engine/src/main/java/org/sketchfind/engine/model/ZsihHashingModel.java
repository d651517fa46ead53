package org.sketchfind.engine.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained ZSIH model at search time: the frozen backbone's feature maps through the trained image
 * encoder f or sketch encoder g (attention pooling, sigmoid layer), thresholded at 0.5 (Eq. 9).
 */
public final class ZsihHashingModel implements HashingModel {
    private final FeatureExtractor extractor;
    private final ZsihEncoders encoders;
    private final String id;
    private final String name;

    public ZsihHashingModel(FeatureExtractor extractor, ZsihEncoders encoders, String id, String name) {
        this.extractor = extractor;
        this.encoders = encoders;
        this.id = id;
        this.name = name;
    }

    /**
     * Loads a model file written by the trainer (checked: format, version, checksums, shapes) on the backbone it was
     * trained on, refused with one sentence if that backbone's weights are not the ones it was trained with.
     */
    public static ZsihHashingModel load(Path modelFile) throws IOException {
        ZsihEncoders enc = ZsihEncoders.load(modelFile);
        ModelManifest m = enc.manifest();
        Backbone backbone = Backbones.sharedMatching(
                new BackboneId(m.backboneName(), m.backboneWeightsSha256()), modelFile.getFileName().toString());
        ZsihConfig c = m.config();
        if (c.featureChannels() != backbone.channels() || c.featureHeight() != backbone.height()
                || c.featureWidth() != backbone.width()) {
            throw new ModelFormatException(modelFile, "its encoders read " + c.featureChannels() + "×"
                    + c.featureHeight() + "×" + c.featureWidth() + " maps, " + backbone.displayName() + " gives "
                    + backbone.channels() + "×" + backbone.height() + "×" + backbone.width());
        }
        FeatureExtractor extractor = new FeatureExtractor(backbone);
        return new ZsihHashingModel(extractor, enc, id(m), method(enc.config(), backbone.name()));
    }

    /** The model's stable id, from its manifest alone: bits and the first tensor's and the card's checksums. */
    static String id(ModelManifest m) {
        String digest = m.modelCardSha256() == null ? "" : m.modelCardSha256().substring(0, 8);
        String tensors = m.tensors().isEmpty() ? "" : m.tensors().get(0).sha256().substring(0, 8);
        return "zsih-" + m.bits() + "-" + tensors + digest;
    }

    @Override
    public String id() {
        return id;
    }

    /** {@link #method(ZsihConfig)} with the backbone named in brackets unless it is the original SqueezeNet 1.1. */
    static String method(ZsihConfig c, String backbone) {
        String m = method(c);
        return backbone.equals(Backbones.LEGACY) ? m
                : m.replaceFirst("^ZSIH", "ZSIH [" + Backbones.displayName(backbone) + "]");
    }

    /**
     * "ZSIH", or "ZSIH (…)" naming the paper's Table 3 ablation switches that differ from the full model, followed by
     * " + anchored codes (λ_a = …)" and " + encoder semantic term (λ = …)" when the model was trained with those
     * terms (not in the paper).
     */
    static String method(ZsihConfig c) {
        java.util.List<String> ablations = new java.util.ArrayList<>();
        if (c.fusion() != ZsihConfig.Fusion.KRONECKER) {
            ablations.add("Kronecker → concatenation");
        }
        if (c.propagation() != ZsihConfig.Propagation.GRAPH_CONVOLUTION) {
            ablations.add("graph convolution → fully-connected");
        }
        if (c.decoder() != ZsihConfig.Decoder.GAUSSIAN) {
            ablations.add("decoder → classifier");
        }
        if (c.binarization() != ZsihConfig.Binarization.STOCHASTIC) {
            ablations.add("stochastic neurons → quantisation loss");
        }
        if (c.t() != 0.1) {
            ablations.add("t = " + c.t());
        }
        String base = ablations.isEmpty() ? "ZSIH" : "ZSIH (" + String.join("; ", ablations) + ")";
        if (c.anchorWeight() > 0) {
            base += " + anchored codes (λ_a = " + plain(c.anchorWeight()) + ")";
        }
        return c.semanticWeight() == 0 ? base
                : base + " + encoder semantic term (λ = " + plain(c.semanticWeight()) + ")";
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public String method() {
        return name;
    }

    @Override
    public String name() {
        return name(name, bits());
    }

    /** A model's name for people: its method and code length. */
    static String name(String method, int bits) {
        return method + ", " + bits + "-bit";
    }

    @Override
    public Backbone backbone() {
        return extractor.backbone();
    }

    @Override
    public int bits() {
        return encoders.bits();
    }

    @Override
    public long[][] encodePhotos(List<BufferedImage> photos) {
        return encoders.imageCodes(extractor.featureMaps(photos, ImagePreprocessor.Mode.PHOTO));
    }

    @Override
    public long[][] encodePhotoMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        return encoders.imageCodes(maps);
    }

    @Override
    public long[][] encodeSketchMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        return encoders.sketchCodes(maps);
    }

    @Override
    public boolean hasSketchMargins() {
        return true;
    }

    /** g(y) − 0.5: the sketch encoder's sigmoid outputs centred on Eq. 9's threshold. */
    @Override
    public float[][] sketchMarginsFromMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        return centred(encoders.sketchOutputs(maps));
    }

    @Override
    public boolean hasPhotoMargins() {
        return true;
    }

    /** f(x) − 0.5: the image encoder's sigmoid outputs centred on Eq. 9's threshold. */
    @Override
    public float[][] photoMarginsFromMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        return centred(encoders.imageOutputs(maps));
    }

    @Override
    public float[][] photoMargins(List<BufferedImage> photos) {
        return photoMarginsFromMaps(extractor.featureMaps(photos, ImagePreprocessor.Mode.PHOTO));
    }

    private static float[][] centred(org.nd4j.linalg.api.ndarray.INDArray out) {
        float[][] m = new float[(int) out.size(0)][];
        for (int i = 0; i < m.length; i++) {
            m[i] = out.getRow(i).toFloatVector();
            for (int k = 0; k < m[i].length; k++) {
                m[i][k] -= 0.5f;
            }
        }
        return m;
    }

    @Override
    public float[][] sketchMargins(List<BufferedImage> sketches) {
        return sketchMarginsFromMaps(extractor.featureMaps(sketches, ImagePreprocessor.Mode.SKETCH));
    }

    @Override
    public long[][] encodeSketches(List<BufferedImage> sketches) {
        return encoders.sketchCodes(extractor.featureMaps(sketches, ImagePreprocessor.Mode.SKETCH));
    }
}
