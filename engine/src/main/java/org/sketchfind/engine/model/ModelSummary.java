package org.sketchfind.engine.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a model file is, read without loading it (no ND4J, no ONNX Runtime, no weights): the same id, name and bits
 * that {@link HashingModels#load} gives the loaded model. What quick commands need to count a model's codes.
 *
 * @param id       {@link HashingModel#id()}
 * @param name     {@link HashingModel#name()}
 * @param bits     {@link HashingModel#bits()}
 * @param backbone the backbone's {@link Backbone#name()}
 * @param outputs  {@link HashingModel#hasPhotoMargins()}: whether its photo encoder has real-valued outputs
 */
public record ModelSummary(String id, String name, int bits, String backbone, boolean outputs) {

    /** The summary of a loaded model. */
    public static ModelSummary of(HashingModel m) {
        return new ModelSummary(m.id(), m.name(), m.bits(), m.backbone().name(), m.hasPhotoMargins());
    }

    /** Reads the summary of a ZSIH model zip or an ITQ file (as {@link HashingModels#load} tells them apart). */
    public static ModelSummary of(Path file) throws IOException {
        if (HashingModels.isZsihZip(file)) {
            ModelManifest m = ModelFile.readManifest(file);
            String method = ZsihHashingModel.method(m.config(), m.backboneName());
            return new ModelSummary(ZsihHashingModel.id(m), ZsihHashingModel.name(method, m.bits()), m.bits(),
                    m.backboneName(), true);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            ItqHasher itq = ItqHasher.read(new ByteArrayInputStream(bytes));
            return new ModelSummary(ItqBackboneModel.id(bytes, itq.bits()),
                    ZsihHashingModel.name(ItqBackboneModel.METHOD, itq.bits()), itq.bits(),
                    Backbones.byPooledDim(itq.dims()), false);
        } catch (IOException | RuntimeException e) {
            throw HashingModels.neitherKind(file, e);
        }
    }
}
