package org.sketchfind.engine.model;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a model file ({@link ModelFile}): what the model is, what it was trained on, and a
 * SHA-256 and shape for every other entry of the zip.
 *
 * @param format        always {@link ModelFile#FORMAT}
 * @param formatVersion {@link ModelFile#VERSION} when written
 * @param bits          code length M (equals {@code config.bits()})
 * @param config        the full training configuration
 * @param classNames    the seen classes the model was trained on
 * @param classVectors  their semantic vectors (GloVe), one per class, {@code config.semanticDim()} long
 * @param split         name of the split (e.g. the classes.tsv column) the seen classes come from
 * @param created       ISO-8601 UTC time the file was written
 * @param trainingSteps optimisation steps taken
 * @param metrics       figures measured at the end of training (e.g. seen-class validation mAP)
 * @param tensors       one entry per weight tensor
 * @param modelCardSha256 SHA-256 of {@code model-card.md}
 * @param backbone      {@link Backbone#name()} of the frozen backbone whose maps the encoders read; null in files
 *                      written before backbones had names, which were all {@link Backbones#LEGACY}
 * @param backboneSha256 {@link Backbone#weightsSha256()} of those weights (null in the same older files)
 */
public record ModelManifest(
        String format,
        int formatVersion,
        int bits,
        ZsihConfig config,
        List<String> classNames,
        float[][] classVectors,
        String split,
        String created,
        long trainingSteps,
        Map<String, Double> metrics,
        List<Tensor> tensors,
        String modelCardSha256,
        String backbone,
        String backboneSha256) {

    /** SHA-256 of {@code models/squeezenet1.1/SHA256SUMS}: the weights every file without a backbone name used. */
    public static final String LEGACY_BACKBONE_SHA256 =
            "f3644380825e3c7645ea14ee1091a15bd35af56972c9399748563798338c1e0f";

    /** The backbone's name, {@link Backbones#LEGACY} for a file that predates backbone names. */
    public String backboneName() {
        return backbone == null ? Backbones.LEGACY : backbone;
    }

    /** The backbone weights' checksum, the legacy SqueezeNet's for a file that predates backbone names. */
    public String backboneWeightsSha256() {
        return backbone == null ? LEGACY_BACKBONE_SHA256 : backboneSha256;
    }

    /**
     * @param name   variable name; the zip entry is {@code weights/<name>.f32}
     * @param shape  dimensions, C order
     * @param bytes  byte length (4 × elements, float32 little-endian)
     * @param sha256 SHA-256 of the entry's bytes
     */
    public record Tensor(String name, long[] shape, long bytes, String sha256) {
    }
}
