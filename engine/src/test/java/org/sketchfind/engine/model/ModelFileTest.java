package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {
    static final ZsihConfig CFG = ZsihConfig.defaults().withBits(16).withFeatureShape(4, 3, 3)
            .withWidths(5, 6, 4, 8).withSemanticDim(3);

    static Map<String, INDArray> weights() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        long seed = 1;
        for (Map.Entry<String, long[]> e : ModelFile.expectedTensors(CFG).entrySet()) {
            w.put(e.getKey(), ZsihGradientCheckTest.rand(seed++, -1, 1, e.getValue()).castTo(DataType.FLOAT));
        }
        return w;
    }

    static Path write(Path dir) throws IOException {
        Path f = dir.resolve("model.zip");
        ModelManifest header = new ModelManifest(null, 0, 16, CFG, List.of("ant", "cat"),
                new float[][]{{1, 2, 3}, {4, 5, 6}}, "test-split", "2026-01-01T00:00:00Z", 7,
                Map.of("validation_map_seen", 0.5), List.of(), "", SqueezeNet11.NAME,
                ModelManifest.LEGACY_BACKBONE_SHA256);
        ModelFile.write(f, header, weights(), "# card\n");
        return f;
    }

    @Test
    void roundTripAndEncodersMatchTheTrainingWeights(@TempDir Path dir) throws IOException {
        Path f = write(dir);
        ModelFile.Loaded l = ModelFile.read(f);
        assertEquals(ModelFile.FORMAT, l.manifest().format());
        assertEquals(16, l.manifest().bits());
        assertEquals(CFG, l.manifest().config());
        assertEquals(List.of("ant", "cat"), l.manifest().classNames());
        assertArrayEquals(new float[]{4, 5, 6}, l.manifest().classVectors()[1]);
        assertEquals("test-split", l.manifest().split());
        assertEquals("# card\n", l.modelCard());
        Map<String, INDArray> w = weights();
        w.forEach((k, v) -> assertEquals(v, l.weights().get(k), k));

        INDArray maps = ZsihGradientCheckTest.rand(9, 0, 1, 5, 4, 3, 3).castTo(DataType.FLOAT);
        ZsihEncoders loaded = ZsihEncoders.load(f);
        ZsihEncoders live = ZsihEncoders.fromWeights(CFG, w);
        assertTrue(loaded.imageOutputs(maps).equalsWithEps(live.imageOutputs(maps), 1e-6));
        assertTrue(loaded.sketchOutputs(maps).equalsWithEps(live.sketchOutputs(maps), 1e-6));
        assertTrue(!loaded.imageOutputs(maps).equalsWithEps(loaded.sketchOutputs(maps), 1e-3),
                "f and g have separate weights");
        // assign() refreshes in-memory encoders after the weights change (as the trainer does each epoch).
        w.get("im_hash_b").addi(0.7);
        w.get("sk_att_w1").muli(-1);
        live.assign(w);
        ZsihEncoders rebuilt = ZsihEncoders.fromWeights(CFG, w);
        assertTrue(live.imageOutputs(maps).equalsWithEps(rebuilt.imageOutputs(maps), 1e-6));
        assertTrue(live.sketchOutputs(maps).equalsWithEps(rebuilt.sketchOutputs(maps), 1e-6));
        assertTrue(!live.imageOutputs(maps).equalsWithEps(loaded.imageOutputs(maps), 1e-3));
        long[][] codes = loaded.imageCodes(maps);
        float[] out0 = loaded.imageOutputs(maps).getRow(0).toFloatVector();
        for (int i = 0; i < 16; i++) {
            assertEquals(out0[i] >= 0.5f, org.sketchfind.engine.code.Codes.bit(codes[0], i), "Eq. 9");
        }
        assertThrows(IllegalArgumentException.class, () -> loaded.imageOutputs(Nd4j.zeros(DataType.FLOAT, 1, 3, 3, 3)));
    }

    /** Rewrites the zip with {@code edit} applied to its entries (name → bytes, in order). */
    static Path tamper(Path f, Consumer<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(f); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                zip.transferTo(b);
                entries.put(e.getName(), b.toByteArray());
            }
        }
        edit.accept(entries);
        Path out = f.resolveSibling("tampered.zip");
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    static void assertRefused(Path f, String messagePart) {
        ModelFormatException ex = assertThrows(ModelFormatException.class, () -> ModelFile.read(f));
        assertTrue(ex.getMessage().contains(messagePart), "message '" + ex.getMessage() + "' lacks '"
                + messagePart + "'");
        assertTrue(ex.getMessage().contains(f.getFileName().toString()), "names the file");
    }

    static Map<String, byte[]> replaceManifest(Map<String, byte[]> m, String from, String to) {
        String json = new String(m.get(ModelFile.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(json.contains(from), "manifest contains " + from);
        m.put(ModelFile.MANIFEST, json.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Test
    void refusesTamperedWeightsAndCard(@TempDir Path dir) throws IOException {
        Path f = write(dir);
        assertRefused(tamper(f, m -> m.get("weights/im_hash_w.f32")[5] ^= 1), "checksum mismatch");
        assertRefused(tamper(f, m -> m.put(ModelFile.MODEL_CARD, "# forged".getBytes())), "checksum mismatch");
        assertRefused(tamper(f, m -> m.remove("weights/sk_fc_w.f32")), "missing entry weights/sk_fc_w.f32");
        assertRefused(tamper(f, m -> m.remove(ModelFile.MODEL_CARD)), "missing entry model-card.md");
        assertRefused(tamper(f, m -> m.put("weights/im_fc_b.f32", new byte[10_000])), "larger than");
    }

    @Test
    void refusesEscapingUnknownAndMisplacedEntries(@TempDir Path dir) throws IOException {
        Path f = write(dir);
        assertRefused(tamper(f, m -> m.put("../evil.sh", new byte[3])), "unexpected entry '../evil.sh'");
        assertRefused(tamper(f, m -> m.put("/etc/passwd", new byte[3])), "unexpected entry '/etc/passwd'");
        assertRefused(tamper(f, m -> m.put("weights/../../x.f32", new byte[3])), "unexpected entry");
        assertRefused(tamper(f, m -> {
            byte[] man = m.remove(ModelFile.MANIFEST);
            m.put(ModelFile.MANIFEST, man);
        }), "first entry must be manifest.json");
    }

    @Test
    void refusesWrongFormatVersionAndShapes(@TempDir Path dir) throws IOException {
        Path f = write(dir);
        assertRefused(tamper(f, m -> replaceManifest(m, "\"sketchfind-zsih-model\"", "\"other\"")), "format is");
        assertRefused(tamper(f, m -> replaceManifest(m, "\"formatVersion\" : 1", "\"formatVersion\" : 99")),
                "newer");
        // bits changed in the header only: disagrees with the config
        assertRefused(tamper(f, m -> replaceManifest(m, "\"bits\" : 16,\n  \"config\"", "\"bits\" : 32,\n  \"config\"")),
                "bits 32 differ");
        // the config changed: the declared tensor shapes no longer match what it implies
        assertRefused(tamper(f, m -> replaceManifest(m, "\"embedDim\" : 6", "\"embedDim\" : 7")), "declared");
        // absurd sizes are refused before anything is allocated
        assertRefused(tamper(f, m -> replaceManifest(m, "\"featureChannels\" : 4", "\"featureChannels\" : 2000000000")),
                "impossible tensor sizes");
        assertRefused(tamper(f, m -> replaceManifest(m, "\"classNames\" : [ \"ant\", \"cat\" ]",
                "\"classNames\" : [ \"ant\" ]")), "1 class names but 2");
        assertRefused(tamper(f, m -> m.put(ModelFile.MANIFEST, "{not json".getBytes())), "malformed manifest.json");
    }

    /** A file written before the encoder-side semantic term existed has no such field; it reads as the paper's 0. */
    @Test
    void readsFilesWrittenBeforeTheSemanticWeightExisted(@TempDir Path dir) throws IOException {
        Path f = write(dir);
        Path old = tamper(f, m -> replaceManifest(m, ",\n    \"semanticWeight\" : 0.0", ""));
        assertEquals(CFG, ModelFile.read(old).manifest().config());
        assertEquals(0.0, ModelFile.read(old).manifest().config().semanticWeight());
        // Only the fields added later may be absent: any other missing field is still malformed.
        assertRefused(tamper(f, m -> replaceManifest(m, "\"embedDim\" : 6,", "")), "malformed manifest.json");
        // A model trained with the term keeps its weight through a write and a read.
        Path with = dir.resolve("with.zip");
        ModelFile.Loaded l = ModelFile.read(f);
        ModelManifest m = l.manifest();
        ModelFile.write(with, new ModelManifest(null, 0, m.bits(), CFG.withSemanticWeight(2.5), m.classNames(),
                m.classVectors(), m.split(), m.created(), m.trainingSteps(), m.metrics(), List.of(), "",
                        m.backbone(), m.backboneSha256()),
                weights(), "# card\n");
        assertEquals(2.5, ModelFile.read(with).manifest().config().semanticWeight());
    }

    @Test
    void refusesTruncatedAndNonZipFiles(@TempDir Path dir) throws IOException {
        Path f = write(dir);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertThrows(ModelFormatException.class, () -> ModelFile.read(cut));
        Path junk = dir.resolve("junk.zip");
        Files.write(junk, "hello, not a zip".getBytes());
        assertRefused(junk, "not a zip");
        assertRefused(dir.resolve("absent.zip"), "not a file");
    }
}
