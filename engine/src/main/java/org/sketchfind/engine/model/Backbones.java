package org.sketchfind.engine.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backbones Sketchfind knows, by name, and the one shared instance of each per process (an ONNX Runtime session
 * is built once and reused by every caller: the app, indexing, training, evaluation).
 */
public final class Backbones {
    /** Every backbone, by {@link Backbone#name()}. */
    public static final List<String> NAMES = List.of(SqueezeNet11.NAME, MobileNetV2.NAME);
    /** The backbone new training runs and feature caches use unless told otherwise. */
    public static final String DEFAULT = MobileNetV2.NAME;
    /** What a model file that predates backbone names was trained on. */
    public static final String LEGACY = SqueezeNet11.NAME;
    /** System property that overrides the folder holding {@code <name>/SHA256SUMS} and {@code <name>/weights}. */
    public static final String DIR_PROPERTY = "sketchfind.backbones.dir";

    private static final Map<String, Backbone> SHARED = new LinkedHashMap<>();

    private Backbones() {
    }

    /** The process-wide instance of the backbone {@code name}, loaded from {@link #directory} on first use. */
    public static synchronized Backbone shared(String name) throws IOException {
        Backbone b = SHARED.get(checkName(name));
        if (b == null) {
            b = load(name, directory(name));
            SHARED.put(name, b);
        }
        return b;
    }

    /** A new, unshared instance of {@code name} with the weights in {@code dir} (the caller closes it). */
    public static Backbone load(String name, Path dir) throws IOException {
        return switch (checkName(name)) {
            case SqueezeNet11.NAME -> new SqueezeNet11(dir);
            case MobileNetV2.NAME -> new MobileNetV2(dir);
            default -> throw new IllegalStateException(name);
        };
    }

    /** The weights folder of {@code name}: {@code models/<name>}, or under {@value #DIR_PROPERTY} when set. */
    public static Path directory(String name) {
        String override = System.getProperty(DIR_PROPERTY);
        Path root = override != null && !override.isBlank() ? Path.of(override) : ModelsFolder.get();
        return root.resolve(checkName(name)).toAbsolutePath().normalize();
    }

    /** {@code name} if it is a known backbone, else an IllegalArgumentException listing the known ones. */
    public static String checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown backbone '" + name + "': choose one of "
                    + String.join(", ", NAMES));
        }
        return name;
    }

    /** Feature-map channels (= pooled dimension) of each backbone, known without loading it. */
    public static int channels(String name) {
        return switch (checkName(name)) {
            case SqueezeNet11.NAME -> 512;
            case MobileNetV2.NAME -> 1280;
            default -> throw new IllegalStateException(name);
        };
    }

    /** {@link Backbone#displayName()} of {@code name}, known without loading it. */
    public static String displayName(String name) {
        return switch (checkName(name)) {
            case SqueezeNet11.NAME -> SqueezeNet11.DISPLAY_NAME;
            case MobileNetV2.NAME -> MobileNetV2.DISPLAY_NAME;
            default -> throw new IllegalStateException(name);
        };
    }

    /** The backbone whose pooled features have {@code dims} entries, for files that record only that. */
    public static String byPooledDim(int dims) {
        for (String n : NAMES) {
            if (channels(n) == dims) {
                return n;
            }
        }
        throw new IllegalArgumentException("no backbone has " + dims + "-d pooled features (known: "
                + String.join(", ", NAMES) + ")");
    }

    /**
     * The shared instance of {@code id.name()}, refused with one sentence if its weights are not the ones
     * {@code what} (a model file, a cache) was made with.
     */
    public static Backbone sharedMatching(BackboneId id, String what) throws IOException {
        Backbone b = shared(id.name());
        if (!b.weightsSha256().equals(id.weightsSha256())) {
            throw new IOException(what + " was made with other " + b.displayName() + " weights (SHA256SUMS "
                    + id.shortSha() + ") than the ones in " + b.directory() + " (" + b.weightsSha256().substring(0, 8)
                    + "): restore those weights or retrain");
        }
        return b;
    }

    /** Closes every shared session (at the end of a process). */
    public static synchronized void closeAll() {
        SHARED.values().forEach(Backbone::close);
        SHARED.clear();
    }
}
