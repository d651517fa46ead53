import org.sketchfind.engine.Hit;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.RecordedSketch;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketchfind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Chooses the drawings demo mode replays, to show the shipped model at its best: for each class of the demo photo
 * collection that the Quick, Draw! raw files have, the first {@code CANDIDATES} recognized drawings of moderate size
 * (file order) are each searched, as the app searches, over the demo photos with the shipped default model; a drawing
 * scores the number of photos of its class among the first {@code TOP} results (what demo mode shows without
 * scrolling), then the rank of the first one. The best {@code PER_CLASS} drawings that find their class at all are
 * kept verbatim (timing included), best first, one ndjson file per class; a class none of whose drawings finds it is
 * left out of the loop. Every demo class with drawings is a SEEN class of the primary split (Quick, Draw! has no
 * unseen class here), so no zero-shot figure depends on this choice; the cross-style figures are the measurement.
 * Deterministic for a given model and photo folder. Run by {@code assets/quickdraw-demo/choose.sh}.
 */
public final class DemoDrawingsChooser {
    static final int PER_CLASS = 3;
    static final int CANDIDATES = 40;
    static final int TOP = 6;
    /** Lines longer than this (many points) are left out: the subset stays a few hundred KB. */
    static final int MAX_LINE = 8000;
    static final int MIN_LINE = 500;
    private static final Pattern DEMO_PHOTO = Pattern.compile("(.+)_n\\d+_\\d+\\.jpg");

    record Scored(String line, int order, int correct, int firstRank) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoDrawingsChooser RAW_NDJSON_DIR DEMO_PHOTOS_DIR OUT_DIR");
            System.exit(2);
        }
        Path raw = Path.of(args[0]);
        Path photos = Path.of(args[1]);
        Path out = Path.of(args[2]);
        TreeSet<String> classes = new TreeSet<>();
        try (Stream<Path> s = Files.list(photos)) {
            s.forEach(p -> {
                String c = classOf(p);
                if (c != null) {
                    classes.add(c);
                }
            });
        }
        Path work = Files.createTempDirectory("demo-drawings");
        int candidatesSeen = 0;
        int correctAll = 0;
        int correctKept = 0;
        int kept = 0;
        int files = 0;
        long bytes = 0;
        try (Sketchfind engine = new Sketchfind();
             PhotoCollection collection = engine.openCollection(work.resolve("data"))) {
            collection.addFolder(photos, null).await();
            System.out.printf("%-12s %10s %12s %10s%n", "class", "candidates", "mean in top", "kept");
            for (String c : classes) {
                Path in = raw.resolve(c.replace('_', ' ') + ".ndjson");
                if (!Files.isRegularFile(in)) {
                    continue;
                }
                List<Scored> scored = new ArrayList<>();
                for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
                    if (scored.size() == CANDIDATES) {
                        break;
                    }
                    if (line.length() < MIN_LINE || line.length() > MAX_LINE || !line.contains("\"recognized\":true")) {
                        continue;
                    }
                    scored.add(score(collection, c, line, scored.size(), work));
                }
                if (scored.isEmpty()) {
                    continue;
                }
                int sum = scored.stream().mapToInt(Scored::correct).sum();
                List<Scored> best = scored.stream().filter(s -> s.correct() > 0)
                        .sorted(Comparator.comparingInt(Scored::correct).reversed()
                                .thenComparingInt(Scored::firstRank).thenComparingInt(Scored::order))
                        .limit(PER_CLASS).toList();
                candidatesSeen += scored.size();
                correctAll += sum;
                System.out.printf("%-12s %10d %12.2f %10s%n", c, scored.size(), sum / (double) scored.size(),
                        best.stream().map(s -> s.correct() + "@" + s.firstRank()).toList());
                if (best.isEmpty()) {
                    continue;
                }
                Path target = out.resolve(c + ".ndjson");
                Files.writeString(target, String.join("\n", best.stream().map(Scored::line).toList()) + "\n",
                        StandardCharsets.UTF_8);
                bytes += Files.size(target);
                files++;
                kept += best.size();
                correctKept += best.stream().mapToInt(Scored::correct).sum();
            }
        }
        System.out.printf("%d classes of %d, %d drawings, %d bytes in %s%n", files, classes.size(), kept, bytes, out);
        System.out.printf("photos of the drawn class in the first %d: %.2f per drawing over all %d candidates, %.2f over"
                + " the %d kept%n", TOP, correctAll / (double) candidatesSeen, candidatesSeen,
                correctKept / (double) Math.max(1, kept), kept);
    }

    private static Scored score(PhotoCollection collection, String c, String line, int order, Path work)
            throws IOException {
        Path one = work.resolve("one.ndjson");
        Files.writeString(one, line + "\n", StandardCharsets.UTF_8);
        RecordedSketch d = RecordedSketch.read(one, 1).get(0);
        SearchResult r = collection.search(d.sketch(), TOP);
        int correct = 0;
        int first = TOP + 1;
        for (int i = 0; i < r.hits().size(); i++) {
            Hit h = r.hits().get(i);
            if (c.equals(classOf(h.path()))) {
                correct++;
                first = Math.min(first, i + 1);
            }
        }
        return new Scored(line, order, correct, first);
    }

    private static String classOf(Path photo) {
        Matcher m = DEMO_PHOTO.matcher(photo.getFileName().toString());
        return m.matches() ? m.group(1) : null;
    }
}
