package org.sketchfind.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Google Quick, Draw! ndjson files: one JSON object per line with a {@code word} and a {@code drawing}, which is
 * a list of strokes in the simplified form {@code [[xs],[ys]]} or the raw form {@code [[xs],[ys],[ts]]} (detected per
 * line). The class is the {@code word} field, or the file name ({@code cat.ndjson}, {@code full_raw_cat.ndjson}) when
 * a line has none. Malformed lines (bad JSON, no drawing, arrays of different lengths, no points) become a
 * {@link Problem} with file and line, and reading goes on.
 */
public final class QuickDrawReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QuickDrawReader() {
    }

    /** Reads one ndjson file, or every {@code *.ndjson} file of a folder (not recursive), in name order. */
    public static ReadResult<LabeledDrawing> read(Path fileOrDir) {
        List<LabeledDrawing> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files(fileOrDir, problems)) {
            readFile(f, items, problems);
        }
        return new ReadResult<>(items, problems);
    }

    /** The ndjson files {@link #read} would read. */
    public static List<Path> files(Path fileOrDir, List<Problem> problems) {
        if (Files.isRegularFile(fileOrDir)) {
            return List.of(fileOrDir);
        }
        if (!Files.isDirectory(fileOrDir)) {
            problems.add(new Problem(fileOrDir.toString(), 0, "no such file or folder"));
            return List.of();
        }
        try (Stream<Path> s = Files.list(fileOrDir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".ndjson"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(fileOrDir.toString(), 0, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }

    /** The class a file name stands for: {@code full_simplified_hot air balloon.ndjson} → "hot air balloon". */
    public static String classFromFileName(Path file) {
        String n = file.getFileName().toString();
        if (n.toLowerCase().endsWith(".ndjson")) {
            n = n.substring(0, n.length() - ".ndjson".length());
        }
        for (String prefix : new String[]{"full_simplified_", "full_raw_", "simplified_", "raw_"}) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
            }
        }
        return n;
    }

    private static void readFile(Path file, List<LabeledDrawing> items, List<Problem> problems) {
        String fallbackClass = classFromFileName(file);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            String line;
            int nonBlank = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // byte-order mark
                }
                if (line.isBlank()) {
                    continue;
                }
                nonBlank++;
                try {
                    items.add(parseLine(line, file, lineNo, fallbackClass));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file.toString(), lineNo, e.getMessage()));
                }
            }
            if (nonBlank == 0) {
                problems.add(new Problem(file.toString(), 0, "empty file (no drawings)"));
            }
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), lineNo, "cannot read file: " + e.getMessage()));
        }
    }

    /**
     * Parses one ndjson line.
     *
     * @throws IllegalArgumentException with the cause in words if the line is malformed
     */
    public static LabeledDrawing parseLine(String line, Path file, int lineNo, String fallbackClass) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("bad JSON: not an object");
        }
        String word = fallbackClass;
        JsonNode w = root.get("word");
        if (w != null && !w.isNull()) {
            if (!w.isTextual() || w.asText().isBlank()) {
                throw new IllegalArgumentException("\"word\" is not a class name: " + w);
            }
            word = w.asText();
        }
        JsonNode d = root.get("drawing");
        if (d == null || d.isNull()) {
            throw new IllegalArgumentException("missing \"drawing\"");
        }
        JsonNode key = root.get("key_id");
        return new LabeledDrawing(word, parseDrawing(d), file, lineNo, key == null ? "" : key.asText());
    }

    /** Parses a {@code drawing} value: a list of {@code [[xs],[ys]]} or {@code [[xs],[ys],[ts]]} strokes. */
    public static Drawing parseDrawing(JsonNode d) {
        if (!d.isArray()) {
            throw new IllegalArgumentException("\"drawing\" is not a list of strokes");
        }
        List<Stroke> strokes = new ArrayList<>(d.size());
        for (int s = 0; s < d.size(); s++) {
            JsonNode st = d.get(s);
            if (!st.isArray() || (st.size() != 2 && st.size() != 3)) {
                throw new IllegalArgumentException("stroke " + (s + 1)
                        + " is not [[xs],[ys]] or [[xs],[ys],[ts]]");
            }
            float[] xs = numbers(st.get(0), s, "x");
            float[] ys = numbers(st.get(1), s, "y");
            float[] ts = st.size() == 3 ? numbers(st.get(2), s, "t") : null;
            if (xs.length != ys.length || (ts != null && ts.length != xs.length)) {
                throw new IllegalArgumentException("stroke " + (s + 1) + " has mismatched array lengths: "
                        + xs.length + " x, " + ys.length + " y" + (ts != null ? ", " + ts.length + " t" : ""));
            }
            if (xs.length == 0) {
                continue; // an empty stroke adds nothing; an all-empty drawing is reported below
            }
            try {
                strokes.add(new Stroke(xs, ys, ts));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stroke " + (s + 1) + ": " + e.getMessage());
            }
        }
        if (strokes.isEmpty()) {
            throw new IllegalArgumentException("empty drawing (no points)");
        }
        return new Drawing(strokes);
    }

    private static float[] numbers(JsonNode a, int stroke, String what) {
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("stroke " + (stroke + 1) + ": " + what + " is not a list of numbers");
        }
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = a.get(i);
            if (!n.isNumber()) {
                throw new IllegalArgumentException("stroke " + (stroke + 1) + ": " + what + "[" + i
                        + "] is not a number: " + n);
            }
            out[i] = n.floatValue();
        }
        return out;
    }
}
