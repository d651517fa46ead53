package org.sketchfind.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.model.TensorIO;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Checkpoints of a run folder: {@code checkpoints/step-000000123.ckpt}, a zip holding {@code state.json} (step,
 * seed, cumulative training seconds, config summary, tensor shapes) and every trainable parameter and both Adam
 * moment tensors as raw little-endian float32. Written to a temporary file and moved into place atomically, so a
 * kill at any moment leaves either the previous checkpoint or the new one, never half of one.
 *
 * <p>RNG state: the trainer derives every random draw from the seed and a position (the sampler's order from
 * (seed, epoch), the ε of Eq. 4 from (seed, step)), so (seed, step) <em>is</em> the complete RNG state and a resumed
 * run continues exactly where an uninterrupted one would be.
 */
final class Checkpoints {
    private static final Pattern NAME = Pattern.compile("step-(\\d{9})\\.ckpt");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The state a checkpoint holds. */
    record State(long step, long seed, double trainingSeconds, String config, Map<String, INDArray> params,
                 Map<String, INDArray> adamM, Map<String, INDArray> adamV) {
    }

    /** state.json. */
    record Header(long step, long seed, double trainingSeconds, String config, String rng,
                  Map<String, long[]> shapes) {
    }

    private final Path dir;

    Checkpoints(Path runDir) {
        this.dir = runDir.resolve("checkpoints");
    }

    Path save(State s, int keep) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("step-%09d.ckpt", s.step()));
        Path tmp = Files.createTempFile(dir, "step-", ".tmp");
        try {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            s.params().forEach((k, v) -> shapes.put(k, v.shape()));
            Header h = new Header(s.step(), s.seed(), s.trainingSeconds(), s.config(),
                    "derived: sampler order from (seed, epoch), epsilon from (seed, step)", shapes);
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.setLevel(Deflater.NO_COMPRESSION);
                put(zip, "state.json", JSON.writeValueAsBytes(h));
                for (String name : shapes.keySet()) {
                    put(zip, "param/" + name, TensorIO.toBytes(s.params().get(name)));
                    put(zip, "adam_m/" + name, TensorIO.toBytes(s.adamM().get(name)));
                    put(zip, "adam_v/" + name, TensorIO.toBytes(s.adamV().get(name)));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] b) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(b);
        zip.closeEntry();
    }

    /** Checkpoint files, oldest first. */
    List<Path> list() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "step-*.ckpt")) {
            for (Path p : ds) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /**
     * Loads the newest checkpoint that reads back completely and matches the expected parameter shapes; an
     * unreadable newest one (e.g. from a disk error) falls back to the one before. Null if there is none.
     */
    State loadLatest(Map<String, long[]> expectedShapes, StringBuilder problems) throws IOException {
        List<Path> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                return load(all.get(i), expectedShapes);
            } catch (IOException | RuntimeException e) {
                problems.append(all.get(i)).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return null;
    }

    static State load(Path file, Map<String, long[]> expectedShapes) throws IOException {
        Header h = null;
        Map<String, byte[]> blobs = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                zip.transferTo(out);
                if (e.getName().equals("state.json")) {
                    h = JSON.readValue(out.toByteArray(), Header.class);
                } else {
                    blobs.put(e.getName(), out.toByteArray());
                }
            }
        }
        if (h == null) {
            throw new IOException("no state.json");
        }
        Map<String, INDArray> params = new LinkedHashMap<>();
        Map<String, INDArray> m = new LinkedHashMap<>();
        Map<String, INDArray> v = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : expectedShapes.entrySet()) {
            long[] shape = h.shapes().get(e.getKey());
            if (shape == null || !Arrays.equals(shape, e.getValue())) {
                throw new IOException("parameter " + e.getKey() + " missing or of another shape than this model's");
            }
            params.put(e.getKey(), tensor(blobs, "param/" + e.getKey(), shape));
            m.put(e.getKey(), tensor(blobs, "adam_m/" + e.getKey(), shape));
            v.put(e.getKey(), tensor(blobs, "adam_v/" + e.getKey(), shape));
        }
        return new State(h.step(), h.seed(), h.trainingSeconds(), h.config(), params, m, v);
    }

    private static INDArray tensor(Map<String, byte[]> blobs, String name, long[] shape) throws IOException {
        byte[] b = blobs.get(name);
        if (b == null) {
            throw new IOException("missing " + name);
        }
        return TensorIO.fromBytes(b, shape, DataType.FLOAT);
    }

    static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
