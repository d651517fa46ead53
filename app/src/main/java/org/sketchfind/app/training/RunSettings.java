package org.sketchfind.app.training;

import org.sketchfind.engine.TrainingRequest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link TrainingRequest} as plain strings and back, so that the app can remember the last run's settings and
 * resume a run stopped by closing the app with exactly the settings it was started with (the trainer refuses a
 * resume with other settings).
 */
public final class RunSettings {
    private RunSettings() {
    }

    public static Map<String, String> toMap(TrainingRequest r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", r.data().toString());
        put(m, "glove", r.glove());
        m.put("split", r.split());
        put(m, "cache", r.cache());
        if (r.backbone() != null) {
            m.put("backbone", r.backbone());
        }
        m.put("out", r.out().toString());
        m.put("bits", Integer.toString(r.bits()));
        m.put("epochs", Integer.toString(r.epochs()));
        m.put("maxSteps", Long.toString(r.maxSteps()));
        m.put("batch", Integer.toString(r.batch()));
        m.put("t", Double.toString(r.t()));
        m.put("learningRate", Double.toString(r.learningRate()));
        m.put("entropyWeight", Double.toString(r.entropyWeight()));
        m.put("entropyWarmup", Integer.toString(r.entropyWarmup()));
        if (r.semanticWeight() != null) {
            m.put("semanticWeight", Double.toString(r.semanticWeight()));
        }
        m.put("anchorWeight", Double.toString(r.anchorWeight()));
        m.put("seed", Long.toString(r.seed()));
        m.put("heldOut", Integer.toString(r.heldOut()));
        m.put("validationClasses", Integer.toString(r.validationClasses()));
        m.put("checkpointEvery", Integer.toString(r.checkpointEvery()));
        m.put("fusion", r.fusion());
        m.put("propagation", r.propagation());
        m.put("decoder", r.decoder());
        m.put("binarization", r.binarization());
        return m;
    }

    private static void put(Map<String, String> m, String key, Path p) {
        if (p != null) {
            m.put(key, p.toString());
        }
    }

    /** The request saved by {@link #toMap}, with {@code resume} set; null if the map is not a saved request. */
    public static TrainingRequest fromMap(Map<String, String> m, boolean resume) {
        if (!m.containsKey("data") || !m.containsKey("out") || !m.containsKey("split")) {
            return null;
        }
        try {
            TrainingRequest.Builder b = TrainingRequest.builder(Path.of(m.get("data")), Path.of(m.get("out")))
                    .split(m.get("split")).resume(resume)
                    .bits(Integer.parseInt(m.get("bits"))).epochs(Integer.parseInt(m.get("epochs")))
                    .maxSteps(Long.parseLong(m.get("maxSteps"))).batch(Integer.parseInt(m.get("batch")))
                    .t(Double.parseDouble(m.get("t"))).learningRate(Double.parseDouble(m.get("learningRate")))
                    .entropyWeight(Double.parseDouble(m.get("entropyWeight")))
                    .entropyWarmup(Integer.parseInt(m.get("entropyWarmup")))
                    .anchorWeight(Double.parseDouble(m.get("anchorWeight"))).seed(Long.parseLong(m.get("seed")))
                    .heldOut(Integer.parseInt(m.get("heldOut")))
                    .validationClasses(Integer.parseInt(m.get("validationClasses")))
                    .checkpointEvery(Integer.parseInt(m.get("checkpointEvery")))
                    .fusion(m.get("fusion")).propagation(m.get("propagation")).decoder(m.get("decoder"))
                    .binarization(m.get("binarization"));
            if (m.containsKey("glove")) {
                b.glove(Path.of(m.get("glove")));
            }
            if (m.containsKey("cache")) {
                b.cache(Path.of(m.get("cache")));
            }
            if (m.containsKey("backbone")) {
                b.backbone(m.get("backbone"));
            }
            if (m.containsKey("semanticWeight")) {
                b.semanticWeight(Double.parseDouble(m.get("semanticWeight")));
            }
            return b.build();
        } catch (RuntimeException e) {
            return null; // settings of an older version: nothing to resume
        }
    }
}
