package org.sketchfind.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads a class-per-folder image set: {@code ROOT/<class>/<image>} (Sketchy {@code photo/} and {@code sketch/},
 * TU-Berlin, a user's labelled photos). Each sub-folder is a class, each image file in it an item. Files are checked
 * as {@link ImageCheck} says; every file that fails (corrupt, truncated, empty, unknown format, too large, not an
 * image) and every class folder without images becomes a {@link Problem}, and reading goes on.
 */
public final class ClassFolderReader {
    /** File extensions taken for images (any case). */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff",
            "webp");

    private ClassFolderReader() {
    }

    public static boolean isImageName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") || n.equals("Thumbs.db") || n.equals("desktop.ini");
    }

    /** The class folders of {@code root} (non-hidden sub-folders), in name order. */
    public static List<Path> classFolders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isDirectory(p) && !hidden(p)).sorted().toList();
        }
    }

    /** Reads {@code root} with {@link ImageCheck#HEADER}. */
    public static ReadResult<LabeledImage> read(Path root) {
        return read(root, ImageCheck.HEADER);
    }

    public static ReadResult<LabeledImage> read(Path root, ImageCheck check) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new Problem(root.toString(), 0, "no such folder"));
            return new ReadResult<>(List.of(), problems);
        }
        List<LabeledImage> candidates = new ArrayList<>();
        List<Path> folders;
        try {
            folders = classFolders(root);
        } catch (IOException e) {
            problems.add(new Problem(root.toString(), 0, "cannot list folder: " + e.getMessage()));
            return new ReadResult<>(List.of(), problems);
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isRegularFile(p) && isImageName(p) && !hidden(p)).sorted().forEach(p ->
                    problems.add(new Problem(p.toString(), 0, "image outside any class folder (ignored)")));
        } catch (IOException e) {
            problems.add(new Problem(root.toString(), 0, "cannot list folder: " + e.getMessage()));
        }
        for (Path folder : folders) {
            String cls = folder.getFileName().toString();
            int before = candidates.size();
            try (Stream<Path> s = Files.list(folder)) {
                for (Path f : s.filter(p -> !hidden(p)).sorted().toList()) {
                    if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                        continue; // nested folders are not part of the layout
                    }
                    if (!isImageName(f)) {
                        problems.add(new Problem(f.toString(), 0, "not an image file (unknown extension)"));
                        continue;
                    }
                    candidates.add(new LabeledImage(cls, f));
                }
            } catch (IOException e) {
                problems.add(new Problem(folder.toString(), 0, "cannot list folder: " + e.getMessage()));
            }
            if (candidates.size() == before) {
                problems.add(new Problem(folder.toString(), 0, "class folder has no images"));
            }
        }
        if (check == ImageCheck.NONE) {
            return new ReadResult<>(candidates, problems);
        }
        // check in parallel; keep the listing order
        String[] failures = new String[candidates.size()];
        IntStream.range(0, candidates.size()).parallel().forEach(i -> {
            Path f = candidates.get(i).path();
            try {
                if (check == ImageCheck.DECODE) {
                    ImageLoader.load(f);
                } else {
                    ImageLoader.verify(f);
                }
            } catch (ImageLoadException e) {
                failures[i] = e.reason();
            } catch (RuntimeException e) {
                failures[i] = "cannot be read: " + e;
            }
        });
        List<LabeledImage> good = new ArrayList<>(candidates.size());
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] == null) {
                good.add(candidates.get(i));
            } else {
                problems.add(new Problem(candidates.get(i).path().toString(), 0, failures[i]));
            }
        }
        return new ReadResult<>(good, problems);
    }
}
