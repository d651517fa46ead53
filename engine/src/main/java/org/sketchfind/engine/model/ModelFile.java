package org.sketchfind.engine.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained ZSIH model as one zip file:
 * <ul>
 *   <li>{@code manifest.json} (first entry): {@link ModelManifest} — format name and version, bits, config, class
 *       names and vectors, split, created time, and shape + byte length + SHA-256 of every other entry;</li>
 *   <li>{@code weights/<name>.f32}: each encoder variable as raw little-endian float32 ({@link TensorIO});</li>
 *   <li>{@code model-card.md}: data, split, hyper-parameters, training time, metrics.</li>
 * </ul>
 * Loading trusts nothing: it accepts only those entry names (so no {@code ..}, no absolute path, no zip-slip — and
 * it never writes entries to disk anyway), rejects duplicates, directories and unknown entries, checks the format
 * name and version, checks every declared shape against the shape the config implies and every size against caps
 * <em>before</em> allocating, reads each entry with a hard byte limit, and verifies each SHA-256. No Java
 * deserialisation is involved. Any failure is a {@link ModelFormatException} naming the file and the cause.
 */
public final class ModelFile {
    public static final String FORMAT = "sketchfind-zsih-model";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    /**
     * Config fields added after the first model files were written, with the value every earlier file implies (the
     * paper's: the term did not exist). A file without one reads as that value; any other absent field is malformed.
     */
    static final Map<String, Double> ADDED_CONFIG_FIELDS = Map.of("semanticWeight", 0.0, "anchorWeight", 0.0);
    public static final String MODEL_CARD = "model-card.md";
    static final long MAX_MANIFEST_BYTES = 16L << 20;
    static final long MAX_CARD_BYTES = 1L << 20;
    static final long MAX_TENSOR_BYTES = 256L << 20;
    static final long MAX_FILE_BYTES = 1L << 30;
    private static final Pattern TENSOR_ENTRY = Pattern.compile("weights/([A-Za-z0-9_]{1,64})\\.f32");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A loaded, validated model: manifest, encoder weights (FLOAT) by variable name, model card text. */
    public record Loaded(ModelManifest manifest, Map<String, INDArray> weights, String modelCard) {
    }

    private ModelFile() {
    }

    /** The variables a model file must hold and their shapes under {@code cfg}: both encoders. */
    public static Map<String, long[]> expectedTensors(ZsihConfig cfg) {
        Map<String, long[]> m = new LinkedHashMap<>(HashEncoder.parameterShapes(HashEncoder.IMAGE, cfg));
        m.putAll(HashEncoder.parameterShapes(HashEncoder.SKETCH, cfg));
        return m;
    }

    /**
     * Writes a model file atomically (a temporary file beside it, then a move).
     *
     * @param header  the manifest without tensors and card checksum (those are filled in here)
     * @param weights the encoder variables, exactly {@link #expectedTensors} of the config
     */
    public static void write(Path file, ModelManifest header, Map<String, INDArray> weights, String modelCard)
            throws IOException {
        Map<String, long[]> expected = expectedTensors(header.config());
        List<ModelManifest.Tensor> tensors = new ArrayList<>();
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            INDArray a = weights.get(e.getKey());
            if (a == null || !Arrays.equals(a.shape(), e.getValue())) {
                throw new IllegalArgumentException("weight " + e.getKey() + " missing or of shape "
                        + (a == null ? "null" : Arrays.toString(a.shape())) + ", expected "
                        + Arrays.toString(e.getValue()));
            }
            byte[] b = TensorIO.toBytes(a);
            blobs.put(e.getKey(), b);
            tensors.add(new ModelManifest.Tensor(e.getKey(), e.getValue(), b.length, TensorIO.sha256(b)));
        }
        byte[] card = modelCard.getBytes(StandardCharsets.UTF_8);
        ModelManifest m = new ModelManifest(FORMAT, VERSION, header.config().bits(), header.config(),
                header.classNames(), header.classVectors(), header.split(), header.created(), header.trainingSteps(),
                header.metrics(), tensors, TensorIO.sha256(card), header.backbone(), header.backboneSha256());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                put(zip, MANIFEST, JSON.writeValueAsBytes(m));
                for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
                    put(zip, "weights/" + e.getKey() + ".f32", e.getValue());
                }
                put(zip, MODEL_CARD, card);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads and validates a model file. */
    public static Loaded read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "not a file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new ModelFormatException(file, "file of " + Files.size(file) + " bytes exceeds the "
                    + MAX_FILE_BYTES + "-byte limit");
        }
        ModelManifest manifest = null;
        Map<String, ModelManifest.Tensor> declared = new LinkedHashMap<>();
        Map<String, INDArray> weights = new LinkedHashMap<>();
        String card = null;
        Set<String> seen = new HashSet<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            boolean first = true;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!seen.add(name)) {
                    throw new ModelFormatException(file, "duplicate entry '" + name + "'");
                }
                if (first) {
                    if (!MANIFEST.equals(name)) {
                        throw new ModelFormatException(file, "first entry must be " + MANIFEST + ", found '"
                                + name + "' (not a Sketchfind model file?)");
                    }
                    manifest = parseManifest(file, readBounded(file, zip, name, MAX_MANIFEST_BYTES));
                    for (ModelManifest.Tensor t : manifest.tensors()) {
                        declared.put(t.name(), t);
                    }
                    first = false;
                    continue;
                }
                if (MODEL_CARD.equals(name)) {
                    byte[] b = readBounded(file, zip, name, MAX_CARD_BYTES);
                    if (!TensorIO.sha256(b).equals(manifest.modelCardSha256())) {
                        throw new ModelFormatException(file, "checksum mismatch for " + name + " (tampered?)");
                    }
                    card = new String(b, StandardCharsets.UTF_8);
                    continue;
                }
                var m = TENSOR_ENTRY.matcher(name);
                if (!m.matches()) {
                    throw new ModelFormatException(file, "unexpected entry '" + name + "'");
                }
                ModelManifest.Tensor t = declared.get(m.group(1));
                if (t == null) {
                    throw new ModelFormatException(file, "entry '" + name + "' is not declared in the manifest");
                }
                byte[] b = readBounded(file, zip, name, t.bytes());
                if (b.length != t.bytes()) {
                    throw new ModelFormatException(file, name + " has " + b.length + " bytes, manifest says "
                            + t.bytes());
                }
                if (!TensorIO.sha256(b).equals(t.sha256())) {
                    throw new ModelFormatException(file, "checksum mismatch for " + name + " (tampered?)");
                }
                weights.put(t.name(), TensorIO.fromBytes(b, t.shape(), DataType.FLOAT));
            }
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw new ModelFormatException(file, "corrupt or truncated zip: " + ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new ModelFormatException(file, "invalid content: " + ex.getMessage());
        }
        if (manifest == null) {
            throw new ModelFormatException(file, "empty or not a zip file");
        }
        for (String name : declared.keySet()) {
            if (!weights.containsKey(name)) {
                throw new ModelFormatException(file, "missing entry weights/" + name + ".f32");
            }
        }
        if (card == null) {
            throw new ModelFormatException(file, "missing entry " + MODEL_CARD);
        }
        return new Loaded(manifest, weights, card);
    }

    /**
     * The manifest of a model file, checked as {@link #read} checks it, without reading the weights (no ND4J, no
     * checksums of the tensors): what a caller needs to name the model and count its codes.
     */
    public static ModelManifest readManifest(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "not a file");
        }
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e = zip.getNextEntry();
            if (e == null || !MANIFEST.equals(e.getName())) {
                throw new ModelFormatException(file, "first entry must be " + MANIFEST
                        + (e == null ? ", found none" : ", found '" + e.getName() + "'") + " (not a Sketchfind model file?)");
            }
            return parseManifest(file, readBounded(file, zip, MANIFEST, MAX_MANIFEST_BYTES));
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw new ModelFormatException(file, "corrupt or truncated zip: " + ex.getMessage());
        }
    }

    private static ModelManifest parseManifest(Path file, byte[] bytes) throws ModelFormatException {
        ModelManifest m;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(bytes);
            if (tree != null && tree.get("config") instanceof com.fasterxml.jackson.databind.node.ObjectNode c) {
                ADDED_CONFIG_FIELDS.forEach((field, paperValue) -> {
                    if (!c.has(field)) {
                        c.put(field, paperValue);
                    }
                });
            }
            m = JSON.treeToValue(tree, ModelManifest.class);
        } catch (IOException | IllegalArgumentException ex) {
            throw new ModelFormatException(file, "malformed " + MANIFEST + ": " + firstLine(ex.getMessage()));
        }
        if (!FORMAT.equals(m.format())) {
            throw new ModelFormatException(file, "format is '" + m.format() + "', expected '" + FORMAT + "'");
        }
        if (m.formatVersion() > VERSION) {
            throw new ModelFormatException(file, "format version " + m.formatVersion()
                    + " is newer than this Sketchfind reads (" + VERSION + ")");
        }
        if (m.formatVersion() < 1) {
            throw new ModelFormatException(file, "bad format version " + m.formatVersion());
        }
        if (m.config() == null || m.tensors() == null || m.classNames() == null || m.classVectors() == null
                || m.modelCardSha256() == null) {
            throw new ModelFormatException(file, MANIFEST + " lacks config, tensors, classes or checksums");
        }
        if (m.backbone() != null && (!Backbones.NAMES.contains(m.backbone()) || m.backboneSha256() == null
                || !m.backboneSha256().matches("[0-9a-f]{64}"))) {
            throw new ModelFormatException(file, "unknown backbone '" + m.backbone() + "' or no valid checksum of its"
                    + " weights (this Sketchfind knows " + String.join(", ", Backbones.NAMES) + ")");
        }
        if (m.bits() != m.config().bits()) {
            throw new ModelFormatException(file, "bits " + m.bits() + " differ from the config's "
                    + m.config().bits());
        }
        if (m.classNames().size() != m.classVectors().length) {
            throw new ModelFormatException(file, m.classNames().size() + " class names but "
                    + m.classVectors().length + " class vectors");
        }
        for (int i = 0; i < m.classVectors().length; i++) {
            if (m.classVectors()[i] == null || m.classVectors()[i].length != m.config().semanticDim()) {
                throw new ModelFormatException(file, "class vector of '" + m.classNames().get(i)
                        + "' is not " + m.config().semanticDim() + "-d");
            }
        }
        Map<String, long[]> expected;
        try {
            expected = expectedTensors(m.config());
            for (long[] shape : expected.values()) {
                TensorIO.product(shape);
            }
        } catch (IllegalArgumentException ex) {
            throw new ModelFormatException(file, "config implies impossible tensor sizes: " + ex.getMessage());
        }
        Set<String> names = new HashSet<>();
        for (ModelManifest.Tensor t : m.tensors()) {
            if (t == null || t.name() == null || !names.add(t.name())) {
                throw new ModelFormatException(file, "null or duplicate tensor in " + MANIFEST);
            }
            long[] shape = expected.get(t.name());
            if (shape == null) {
                throw new ModelFormatException(file, "unknown tensor '" + t.name() + "' in " + MANIFEST);
            }
            if (!Arrays.equals(shape, t.shape())) {
                throw new ModelFormatException(file, "tensor " + t.name() + " declared "
                        + Arrays.toString(t.shape()) + ", the config implies " + Arrays.toString(shape));
            }
            long need = TensorIO.product(shape) * 4;
            if (need > MAX_TENSOR_BYTES || t.bytes() != need) {
                throw new ModelFormatException(file, "tensor " + t.name() + " declares " + t.bytes()
                        + " bytes, its shape needs " + need + (need > MAX_TENSOR_BYTES ? " (over the limit)" : ""));
            }
            if (t.sha256() == null || !t.sha256().matches("[0-9a-f]{64}")) {
                throw new ModelFormatException(file, "tensor " + t.name() + " has no valid SHA-256");
            }
        }
        if (!names.equals(expected.keySet())) {
            Set<String> missing = new HashSet<>(expected.keySet());
            missing.removeAll(names);
            throw new ModelFormatException(file, MANIFEST + " lacks tensors " + missing);
        }
        return m;
    }

    private static byte[] readBounded(Path file, InputStream in, String name, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 1 << 20));
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > max) {
                throw new ModelFormatException(file, "entry " + name + " is larger than its " + max + "-byte limit");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The manifest as JSON (for run folders' config.json and tests). */
    public static ObjectMapper json() {
        return JSON;
    }
}
