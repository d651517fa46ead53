package org.sketchfind.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sketchfind.engine.data.LabeledDrawing;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.data.ReadResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A drawing as a Quick, Draw! ndjson line holds it, so that it can be saved, opened and replayed: its word (class,
 * or a name), its strokes, and, where recorded (Quick, Draw!'s raw format, and drawings saved by the app), for each
 * point the milliseconds since the drawing began. Files written by {@link #write} are read back by {@link #read}
 * and by everything that reads Quick, Draw! files ({@code search --ndjson}, {@code datasets}, {@code evaluate}).
 *
 * @param word   the drawing's class or name (never blank)
 * @param sketch the strokes
 * @param times  per stroke, one time per point in ms since the drawing began; empty when not recorded
 */
public record RecordedSketch(String word, Sketch sketch, List<float[]> times) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordedSketch {
        Objects.requireNonNull(sketch, "sketch");
        word = word == null || word.isBlank() ? "sketch" : word.strip();
        List<float[]> copy = new ArrayList<>(times.size());
        for (float[] t : times) {
            copy.add(t.clone());
        }
        times = List.copyOf(copy);
        if (!times.isEmpty()) {
            if (times.size() != sketch.strokes().size()) {
                throw new IllegalArgumentException(times.size() + " time arrays for " + sketch.strokes().size()
                        + " strokes");
            }
            for (int i = 0; i < times.size(); i++) {
                if (times.get(i).length != sketch.strokes().get(i).xs().length) {
                    throw new IllegalArgumentException("stroke " + (i + 1) + " has " + sketch.strokes().get(i)
                            .xs().length + " points and " + times.get(i).length + " times");
                }
            }
        }
    }

    /** Whether the points carry their recorded times. */
    public boolean timed() {
        return !times.isEmpty();
    }

    /** The time of the last point (ms since the drawing began), 0 without times. */
    public double durationMillis() {
        double end = 0;
        for (float[] t : times) {
            for (float v : t) {
                end = Math.max(end, v);
            }
        }
        return end;
    }

    /**
     * The well-formed drawings of a Quick, Draw! ndjson file (raw or simplified), up to {@code max} of them in file
     * order; an IOException naming the file if it holds none (with the first problem found).
     */
    public static List<RecordedSketch> read(Path file, int max) throws IOException {
        ReadResult<LabeledDrawing> r = QuickDrawReader.read(file);
        if (r.items().isEmpty()) {
            String why = r.problems().isEmpty() ? "no drawing in it" : r.problems().get(0).toString();
            throw new IOException(file + ": no usable drawing (" + why + ")");
        }
        List<RecordedSketch> out = new ArrayList<>();
        for (LabeledDrawing d : r.items()) {
            if (out.size() >= max) {
                break;
            }
            List<Sketch.Stroke> strokes = new ArrayList<>();
            List<float[]> times = new ArrayList<>();
            boolean timed = true;
            for (org.sketchfind.engine.data.Stroke s : d.drawing().strokes()) {
                strokes.add(new Sketch.Stroke(s.xs(), s.ys()));
                timed &= s.hasTimes();
                times.add(s.hasTimes() ? s.ts() : new float[0]);
            }
            out.add(new RecordedSketch(d.className(), new Sketch(strokes), timed ? times : List.of()));
        }
        return out;
    }

    /** Writes the drawings as Quick, Draw! ndjson lines (raw format: x, y and t per stroke when timed). */
    public static void write(Path file, List<RecordedSketch> drawings) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RecordedSketch d : drawings) {
                w.write(d.toNdjson());
                w.write('\n');
            }
        }
    }

    /** This drawing as one ndjson line (no line break). */
    public String toNdjson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("word", word);
        o.put("countrycode", "");
        o.put("timestamp", Instant.now().toString());
        o.put("recognized", false);
        o.put("key_id", "");
        ArrayNode drawing = o.putArray("drawing");
        for (int i = 0; i < sketch.strokes().size(); i++) {
            Sketch.Stroke s = sketch.strokes().get(i);
            ArrayNode stroke = drawing.addArray();
            ArrayNode xs = stroke.addArray();
            ArrayNode ys = stroke.addArray();
            for (int k = 0; k < s.xs().length; k++) {
                xs.add(round(s.xs()[k]));
                ys.add(round(s.ys()[k]));
            }
            if (timed()) {
                ArrayNode ts = stroke.addArray();
                for (float t : times.get(i)) {
                    ts.add(Math.round(t));
                }
            }
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(float v) {
        return Math.round(v * 100) / 100.0;
    }
}
