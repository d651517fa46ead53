package org.sketchfind.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A scanned data set: its layout, its photos, sketches and drawings (all classes), the class table if one was found
 * or given, and every problem found. Training code must not iterate these lists directly: it goes through
 * {@link #split}, whose {@link SeenClasses} make training-side {@link SeenSet}s.
 */
public final class Dataset {
    private final Path root;
    private final Layout layout;
    private final List<LabeledImage> photos;
    private final List<LabeledImage> sketches;
    private final List<LabeledDrawing> drawings;
    private final ClassTable table;
    private final List<Problem> problems;

    private Dataset(Path root, Layout layout, List<LabeledImage> photos, List<LabeledImage> sketches,
                    List<LabeledDrawing> drawings, ClassTable table, List<Problem> problems) {
        this.root = root;
        this.layout = layout;
        this.photos = List.copyOf(photos);
        this.sketches = List.copyOf(sketches);
        this.drawings = List.copyOf(drawings);
        this.table = table;
        this.problems = List.copyOf(problems);
    }

    /**
     * What to scan with.
     *
     * @param classes class table to match classes against; null = {@code DIR/classes.tsv} if present, else none
     * @param layout  the layout; null = detect
     * @param check   how to check image files
     */
    public record Options(Path classes, Layout layout, ImageCheck check) {
        public static Options defaults() {
            return new Options(null, null, ImageCheck.HEADER);
        }
    }

    /** {@link #scan(Path, Options)} with {@link Options#defaults()}. */
    public static Dataset scan(Path dir) throws IOException {
        return scan(dir, Options.defaults());
    }

    /**
     * Detects the layout of {@code dir} (unless given) and reads everything in it.
     *
     * @throws IOException naming the path if it does not exist, no layout is recognised, or the class table cannot
     *                     be read at all
     */
    public static Dataset scan(Path dir, Options options) throws IOException {
        if (!Files.exists(dir)) {
            throw new IOException(dir + ": no such file or folder");
        }
        Layout layout = options.layout() != null ? options.layout() : detect(dir);
        Path tsv = options.classes();
        if (tsv == null && Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("classes.tsv"))) {
            tsv = dir.resolve("classes.tsv");
        }
        ClassTable table = null;
        List<Problem> problems = new ArrayList<>();
        if (tsv != null) {
            table = ClassTable.read(tsv);
            problems.addAll(table.problems());
        }
        List<LabeledImage> photos = List.of();
        List<LabeledImage> sketches = List.of();
        List<LabeledDrawing> drawings = List.of();
        ImageCheck check = options.check() == null ? ImageCheck.HEADER : options.check();
        switch (layout) {
            case SKETCHY -> {
                Path p = child(dir, "photo");
                Path s = child(dir, "sketch");
                if (p != null) {
                    ReadResult<LabeledImage> r = ClassFolderReader.read(p, check);
                    photos = r.items();
                    problems.addAll(r.problems());
                } else {
                    problems.add(new Problem(dir.resolve("photo").toString(), 0, "no photo/ folder"));
                }
                if (s != null) {
                    ReadResult<LabeledImage> r = ClassFolderReader.read(s, check);
                    sketches = r.items();
                    problems.addAll(r.problems());
                } else {
                    problems.add(new Problem(dir.resolve("sketch").toString(), 0, "no sketch/ folder"));
                }
            }
            case QUICKDRAW -> {
                ReadResult<LabeledDrawing> r = QuickDrawReader.read(dir);
                drawings = r.items();
                problems.addAll(r.problems());
            }
            case SKETCH_FOLDERS, PHOTO_FOLDERS -> {
                ReadResult<LabeledImage> r = ClassFolderReader.read(dir, check);
                problems.addAll(r.problems());
                if (layout == Layout.SKETCH_FOLDERS) {
                    sketches = r.items();
                } else {
                    photos = r.items();
                }
            }
        }
        Dataset d = new Dataset(dir, layout, photos, sketches, drawings, table, problems);
        return d.withClassProblems();
    }

    private static Path child(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equalsIgnoreCase(name))
                    .findFirst().orElse(null);
        }
    }

    /**
     * The layout of {@code dir}: an ndjson file or a folder holding ndjson files → Quick, Draw!; a folder with
     * {@code photo/} or {@code sketch/} → Sketchy; a folder of class folders of images → sketches if the sampled
     * images are single-channel (gray), else photos.
     *
     * @throws IOException if none fits
     */
    public static Layout detect(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            if (dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
                return Layout.QUICKDRAW;
            }
            throw new IOException(dir + ": not a data set folder (a file that is not .ndjson)");
        }
        if (child(dir, "photo") != null || child(dir, "sketch") != null) {
            return Layout.SKETCHY;
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson"))) {
                return Layout.QUICKDRAW;
            }
        }
        List<Path> sample = new ArrayList<>();
        for (Path folder : ClassFolderReader.classFolders(dir)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> Files.isRegularFile(p) && ClassFolderReader.isImageName(p)).sorted().limit(2)
                        .forEach(sample::add);
            }
            if (sample.size() >= 8) {
                break;
            }
        }
        if (sample.isEmpty()) {
            throw new IOException(dir + ": no data set layout recognised (expected photo/ and sketch/ class folders, "
                    + "*.ndjson files, or class folders of images)");
        }
        int gray = 0;
        int read = 0;
        for (Path p : sample) {
            try {
                read++;
                gray += ImageLoader.info(p).gray() ? 1 : 0;
            } catch (ImageLoadException e) {
                read--;
            }
        }
        return read > 0 && gray * 2 > read ? Layout.SKETCH_FOLDERS : Layout.PHOTO_FOLDERS;
    }

    /** Unknown classes (not in the table) and, for Sketchy, table classes without folders, as problems. */
    private Dataset withClassProblems() {
        if (table == null) {
            return this;
        }
        List<Problem> extra = new ArrayList<>();
        Map<String, String> unknown = new TreeMap<>(); // class name → where it was found
        Map<String, Set<String>> found = new LinkedHashMap<>(); // canonical → sources
        for (LabeledImage i : photos) {
            note(i.className(), i.path().getParent().toString(), unknown, found, "photo");
        }
        for (LabeledImage i : sketches) {
            note(i.className(), i.path().getParent().toString(), unknown, found, "sketch");
        }
        for (LabeledDrawing d : drawings) {
            note(d.className(), d.file().toString(), unknown, found, "drawing");
        }
        for (Map.Entry<String, String> e : unknown.entrySet()) {
            extra.add(new Problem(e.getValue(), 0, "unknown class \"" + e.getKey() + "\": not in " + table.file()));
        }
        if (layout == Layout.SKETCHY) {
            for (ClassEntry e : table.entries()) {
                Set<String> kinds = found.getOrDefault(e.name(), Set.of());
                for (String kind : List.of("photo", "sketch")) {
                    if (!kinds.contains(kind)) {
                        extra.add(new Problem(table.file().toString(), e.line(), "class \"" + e.name() + "\" has no "
                                + kind + "s"));
                    }
                }
            }
        }
        if (extra.isEmpty()) {
            return this;
        }
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(extra);
        return new Dataset(root, layout, photos, sketches, drawings, table, all);
    }

    private void note(String cls, String where, Map<String, String> unknown, Map<String, Set<String>> found,
                      String kind) {
        Optional<ClassEntry> e = table.lookup(cls);
        if (e.isEmpty()) {
            unknown.putIfAbsent(cls, where);
        } else {
            found.computeIfAbsent(e.get().name(), k -> new LinkedHashSet<>()).add(kind);
        }
    }

    public Path root() {
        return root;
    }

    public Layout layout() {
        return layout;
    }

    /** All photos read (every class: use {@link #split} for training). */
    public List<LabeledImage> photos() {
        return photos;
    }

    /** All sketch images read (every class: use {@link #split} for training). */
    public List<LabeledImage> sketches() {
        return sketches;
    }

    /** All Quick, Draw! drawings read (every class: use {@link #split} for training). */
    public List<LabeledDrawing> drawings() {
        return drawings;
    }

    public Optional<ClassTable> classTable() {
        return Optional.ofNullable(table);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The split of this data set's class table by {@code column}; empty without a table. */
    public Optional<ZeroShotSplit> split(String column) {
        return table == null ? Optional.empty() : Optional.of(ZeroShotSplit.of(table, column));
    }

    /**
     * The classes present, in name order: the table's spelling for classes in the table, the normalised name for
     * others.
     */
    public List<String> classes() {
        Set<String> out = new java.util.TreeSet<>();
        Stream.concat(Stream.concat(photos.stream(), sketches.stream()), drawings.stream())
                .map(Labeled::className).distinct().forEach(c -> out.add(canonical(c)));
        return List.copyOf(out);
    }

    private String canonical(String c) {
        if (table != null) {
            Optional<ClassEntry> e = table.lookup(c);
            if (e.isPresent()) {
                return e.get().name();
            }
        }
        return ClassNames.normalise(c);
    }

    /** Per-class counts of photos, sketches and drawings, by {@link #classes()} name. */
    public Map<String, int[]> countsByClass() {
        Map<String, int[]> m = new TreeMap<>();
        for (LabeledImage i : photos) {
            m.computeIfAbsent(canonical(i.className()), k -> new int[3])[0]++;
        }
        for (LabeledImage i : sketches) {
            m.computeIfAbsent(canonical(i.className()), k -> new int[3])[1]++;
        }
        for (LabeledDrawing d : drawings) {
            m.computeIfAbsent(canonical(d.className()), k -> new int[3])[2]++;
        }
        return m;
    }

    /**
     * The summary {@code datasets} prints. Seen/unseen count the classes present by {@code splitColumn}; they are
     * null without a class table or when the table has no such column.
     */
    public DatasetReport report(String splitColumn) {
        List<String> classes = classes();
        Integer seen = null;
        Integer unseen = null;
        String column = null;
        if (table != null && splitColumn != null && table.hasColumn(splitColumn)) {
            column = splitColumn;
            ZeroShotSplit split = ZeroShotSplit.of(table, splitColumn);
            seen = (int) classes.stream().filter(split.seen()::contains).count();
            unseen = (int) classes.stream().filter(split.unseen()::contains).count();
        }
        return new DatasetReport(root, layout, classes, photos.size(), sketches.size(), drawings.size(), seen,
                unseen, column, table == null ? null : table.file(), problems);
    }
}
