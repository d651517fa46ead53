package org.sketchfind.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a model file of either kind, and knows where the shipped default model lives. */
public final class HashingModels {
    /** System property naming the model file to use instead of the shipped default. */
    public static final String MODEL_PROPERTY = "sketchfind.model";
    /** The shipped default, relative to the repository (or install) root. */
    public static final String DEFAULT_MODEL = "models/default-model";

    private HashingModels() {
    }

    /**
     * A ZSIH model zip ({@code PK} signature) or an ITQ file, on the backbone it was made with, which is required to
     * be {@code requiredBackbone} unless that is null (e.g. baselines measured beside it on one backbone).
     */
    public static HashingModel load(Path file, String requiredBackbone) throws IOException {
        HashingModel m = load(file);
        if (requiredBackbone != null && !m.backbone().name().equals(requiredBackbone)) {
            throw new IOException(file.getFileName() + " was trained on " + m.backbone().displayName() + " ("
                    + m.backbone().name() + "), not on " + requiredBackbone
                    + ": a model only reads the features of its own backbone");
        }
        return m;
    }

    /** A ZSIH model zip ({@code PK} signature) or an ITQ file, on the backbone it was made with. */
    public static HashingModel load(Path file) throws IOException {
        if (isZsihZip(file)) {
            return ZsihHashingModel.load(file);
        }
        try {
            return ItqBackboneModel.load(file);
        } catch (IOException | RuntimeException e) {
            throw neitherKind(file, e);
        }
    }

    /** True for a zip ({@code PK} signature: a ZSIH model), false for anything else (an ITQ file, or nothing). */
    static boolean isZsihZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file not found: " + file);
        }
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 2) < 2) {
                throw new IOException(file + ": not a model file (too short)");
            }
        }
        return head[0] == 'P' && head[1] == 'K';
    }

    static IOException neitherKind(Path file, Exception e) {
        return new IOException(file + ": neither a ZSIH model (zip) nor an ITQ file: " + e.getMessage(), e);
    }

    /**
     * The model to use: {@code -Dsketchfind.model=FILE} if set, else the file named in
     * {@code <root>/models/default-model} (one line, a path relative to {@code models/}).
     */
    public static Path defaultModelFile() throws IOException {
        String prop = System.getProperty(MODEL_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path models = ModelsFolder.get();
        Path pointer = models.resolve("default-model");
        if (!Files.isRegularFile(pointer)) {
            throw new IOException("no default model: " + pointer + " is missing");
        }
        String name = Files.readString(pointer).strip();
        Path file = models.resolve(name).normalize();
        if (!file.startsWith(models)) {
            throw new IOException(pointer + ": the default model must lie inside " + models);
        }
        return file;
    }
}
