package org.sketchfind.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code classes.tsv}: a header row naming the columns ({@code class} first, split columns named {@code split_…}
 * holding "seen"/"unseen", {@code glove_tokens}, …), then one row per class. Malformed rows (wrong number of
 * columns, empty or duplicate class name, a split value other than seen/unseen) become {@link Problem}s naming the
 * file and line; the rest is kept.
 * <p>
 * {@link #lookup} matches names from other sources (folder names, Quick, Draw! words) after
 * {@link ClassNames#normalise normalisation}, and as a fallback without parenthesised words when that is unambiguous.
 */
public final class ClassTable {
    public static final String CLASS = "class";
    public static final String GLOVE_TOKENS = "glove_tokens";
    /** The project's primary zero-shot split (100 seen / 25 unseen Sketchy classes). */
    public static final String DEFAULT_SPLIT = "split_sake_zeroshot1_25unseen";

    private final Path file;
    private final List<String> header;
    private final List<ClassEntry> entries;
    private final List<Problem> problems;
    private final Map<String, ClassEntry> byKey = new HashMap<>();
    private final Map<String, List<ClassEntry>> byLooseKey = new HashMap<>();

    private ClassTable(Path file, List<String> header, List<ClassEntry> entries, List<Problem> problems) {
        this.file = file;
        this.header = List.copyOf(header);
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
        for (ClassEntry e : entries) {
            byKey.put(ClassNames.normalise(e.name()), e);
            byLooseKey.computeIfAbsent(ClassNames.withoutParenthetical(e.name()), k -> new ArrayList<>()).add(e);
        }
    }

    /**
     * Reads a {@code classes.tsv}.
     *
     * @throws IOException naming the file if it cannot be read, is empty or has no {@code class} column
     */
    public static ClassTable read(Path file) throws IOException {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IOException(file + ": cannot read class table: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException(file + ": empty class table (no header row)");
        }
        List<String> header = List.of(stripBom(lines.get(0)).split("\t", -1));
        int classCol = header.indexOf(CLASS);
        if (classCol < 0) {
            throw new IOException(file + ":1: class table header has no \"" + CLASS + "\" column: " + header);
        }
        List<String> splitCols = header.stream().filter(h -> h.startsWith("split_")).toList();
        List<ClassEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != header.size()) {
                problems.add(new Problem(file.toString(), lineNo, "expected " + header.size() + " tab-separated columns, found "
                        + cells.length));
                continue;
            }
            String name = cells[classCol].trim();
            if (name.isEmpty()) {
                problems.add(new Problem(file.toString(), lineNo, "empty class name"));
                continue;
            }
            String key = ClassNames.normalise(name);
            if (seenAt.containsKey(key)) {
                problems.add(new Problem(file.toString(), lineNo, "duplicate class \"" + name + "\" (also on line "
                        + seenAt.get(key) + ")"));
                continue;
            }
            Map<String, String> cols = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cols.put(header.get(c), cells[c].trim());
            }
            boolean ok = true;
            for (String sc : splitCols) {
                String v = cols.get(sc);
                if (SplitRole.parse(v).isEmpty()) {
                    problems.add(new Problem(file.toString(), lineNo, "class \"" + name + "\": split column " + sc
                            + " holds \"" + v + "\", expected seen or unseen"));
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            seenAt.put(key, lineNo);
            entries.add(new ClassEntry(name, lineNo, cols));
        }
        return new ClassTable(file, header, entries, problems);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    /** The split columns ({@code split_…}) in header order. */
    public List<String> splitColumns() {
        return header.stream().filter(h -> h.startsWith("split_")).toList();
    }

    public boolean hasColumn(String column) {
        return header.contains(column);
    }

    public List<ClassEntry> entries() {
        return entries;
    }

    public List<String> names() {
        return entries.stream().map(ClassEntry::name).toList();
    }

    public int size() {
        return entries.size();
    }

    /** Malformed rows found while reading. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The class a name from another source stands for: exact after {@link ClassNames#normalise}, else after
     * {@link ClassNames#withoutParenthetical} on both sides when exactly one class matches ("car" →
     * {@code car_(sedan)}).
     */
    public Optional<ClassEntry> lookup(String name) {
        ClassEntry e = byKey.get(ClassNames.normalise(name));
        if (e != null) {
            return Optional.of(e);
        }
        List<ClassEntry> loose = byLooseKey.getOrDefault(ClassNames.withoutParenthetical(name), Collections.emptyList());
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    /** The role of a class (looked up as in {@link #lookup}) in a split column. */
    public Optional<SplitRole> role(String name, String splitColumn) {
        return lookup(name).flatMap(e -> e.role(splitColumn));
    }
}
