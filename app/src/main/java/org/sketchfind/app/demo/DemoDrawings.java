package org.sketchfind.app.demo;

import org.sketchfind.engine.RecordedSketch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Quick, Draw! drawings demo mode replays: {@code assets/quickdraw-demo/<class>.ndjson}, a few timed (raw
 * format) drawings of each demo-collection class that Quick, Draw! has (CC BY 4.0, Google Creative Lab; made by
 * {@code assets/quickdraw-demo/DemoDrawingsChooser.java}, which keeps the drawings with which the shipped model finds
 * their class best). Read in the background; interleaved class by class so that consecutive replays show different
 * things.
 */
public final class DemoDrawings {
    public static final String FOLDER = "assets/quickdraw-demo";

    private DemoDrawings() {
    }

    /** The folder under {@code repoRoot}, or null when the root is unknown. */
    public static Path folder(Path repoRoot) {
        return repoRoot == null ? null : repoRoot.resolve(FOLDER);
    }

    /** Every timed drawing in {@code folder}, one class after another in turn; empty when there is none. */
    public static List<RecordedSketch> load(Path folder) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
        }
        List<List<RecordedSketch>> perClass = new ArrayList<>();
        for (Path f : files) {
            List<RecordedSketch> timed = RecordedSketch.read(f, 50).stream().filter(RecordedSketch::timed).toList();
            if (!timed.isEmpty()) {
                perClass.add(timed);
            }
        }
        List<RecordedSketch> out = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<RecordedSketch> c : perClass) {
                if (round < c.size()) {
                    out.add(c.get(round));
                    any = true;
                }
            }
            if (!any) {
                return out;
            }
        }
    }
}
