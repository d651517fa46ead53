import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the demo mode's drawings: for each class of the demo photo collection that the Quick, Draw! raw files have,
 * the first {@code PER_CLASS} recognized drawings of moderate size (kept verbatim, timing included), one ndjson file
 * per class. Deterministic: the same input files give the same output.
 *
 * <pre>
 * java assets/quickdraw-demo/DemoDrawingsSubset.java ../shared/data/quickdraw/raw assets/demo-photos assets/quickdraw-demo
 * </pre>
 */
public final class DemoDrawingsSubset {
    static final int PER_CLASS = 3;
    /** Lines longer than this (many points) are left out: the subset stays a few hundred KB. */
    static final int MAX_LINE = 2600;
    static final int MIN_LINE = 500;
    private static final Pattern DEMO_PHOTO = Pattern.compile("(.+)_n\\d+_\\d+\\.jpg");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DemoDrawingsSubset RAW_NDJSON_DIR DEMO_PHOTOS_DIR OUT_DIR");
            System.exit(2);
        }
        Path raw = Path.of(args[0]);
        Path photos = Path.of(args[1]);
        Path out = Path.of(args[2]);
        TreeSet<String> classes = new TreeSet<>();
        try (Stream<Path> s = Files.list(photos)) {
            s.forEach(p -> {
                Matcher m = DEMO_PHOTO.matcher(p.getFileName().toString());
                if (m.matches()) {
                    classes.add(m.group(1));
                }
            });
        }
        long total = 0;
        int files = 0;
        for (String c : classes) {
            Path in = raw.resolve(c.replace('_', ' ') + ".ndjson");
            if (!Files.isRegularFile(in)) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
                if (line.length() >= MIN_LINE && line.length() <= MAX_LINE && line.contains("\"recognized\":true")) {
                    kept.add(line);
                    if (kept.size() == PER_CLASS) {
                        break;
                    }
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            Path target = out.resolve(c + ".ndjson");
            Files.writeString(target, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
            total += Files.size(target);
            files++;
        }
        System.out.printf("%d classes of %d, %d bytes in %s%n", files, classes.size(), total, out);
    }
}
