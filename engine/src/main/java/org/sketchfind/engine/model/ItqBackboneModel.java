package org.sketchfind.engine.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The model-free stand-in: pooled ImageNet features of the backbone (SqueezeNet 1.1 for the shipped 512-d file) of photos and sketches binarised by one ITQ rotation
 * (Gong and Lazebnik 2011) fitted on seen-class features of both modalities. No cross-modal training: it is the
 * "ImageNet features + ITQ" baseline, usable for search before a ZSIH model exists.
 */
public final class ItqBackboneModel implements HashingModel {
    private final FeatureExtractor extractor;
    private final ItqHasher itq;
    private final String id;

    public ItqBackboneModel(FeatureExtractor extractor, ItqHasher itq, String id) {
        this.extractor = extractor;
        this.itq = itq;
        this.id = id;
    }

    /**
     * Loads the ITQ file {@code itqFile} on the backbone whose pooled features it was fitted on (known from their
     * dimension: 512 is SqueezeNet 1.1, 1280 MobileNetV2).
     */
    public static ItqBackboneModel load(Path itqFile) throws IOException {
        byte[] bytes = Files.readAllBytes(itqFile);
        ItqHasher itq = ItqHasher.read(new java.io.ByteArrayInputStream(bytes));
        FeatureExtractor extractor = FeatureExtractor.of(Backbones.byPooledDim(itq.dims()));
        return new ItqBackboneModel(extractor, itq, id(bytes, itq.bits()));
    }

    /** The model's stable id: its bits and the CRC-32 of the file. */
    static String id(byte[] file, int bits) {
        CRC32 crc = new CRC32();
        crc.update(file);
        return String.format("imagenet-itq-%d-%08x", bits, crc.getValue());
    }

    @Override
    public String id() {
        return id;
    }

    /** {@link #method()}, known without loading the model. */
    static final String METHOD = "ImageNet features + ITQ (model file)";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String name() {
        return ZsihHashingModel.name(METHOD, bits());
    }

    @Override
    public Backbone backbone() {
        return extractor.backbone();
    }

    @Override
    public int bits() {
        return itq.bits();
    }

    @Override
    public long[][] encodePhotos(List<BufferedImage> photos) {
        return itq.encode(extractor.pooled(photos, ImagePreprocessor.Mode.PHOTO));
    }

    @Override
    public long[][] encodePhotoMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        return itq.encode(FeatureExtractor.poolMaps(maps).toFloatMatrix());
    }

    @Override
    public long[][] encodeSketchMaps(org.nd4j.linalg.api.ndarray.INDArray maps) {
        return encodePhotoMaps(maps); // one rotation for both modalities
    }

    @Override
    public long[][] encodeSketches(List<BufferedImage> sketches) {
        return itq.encode(extractor.pooled(sketches, ImagePreprocessor.Mode.SKETCH));
    }
}
