package org.sketchfind.engine.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Finds every image file under the registered folders. Symbolic links ARE followed (people link photo folders
 * together), with two guards: a link that leads back to one of its own ancestors is a loop and is reported, not
 * followed; a directory reached a second time through another link (same file key) is not walked again, so a
 * photo is catalogued once per walk, under the first path that reached it. Unreadable directories and files are
 * reported as problems and the walk goes on; rows under such a directory are kept (we cannot tell whether they are
 * gone). A registered folder that does not exist (unplugged drive, renamed) is reported and its rows are kept.
 * The catalogue's own data folder is never walked, even when it lies inside a registered folder. A device file,
 * pipe or socket with an image's name (or a link to one, such as {@code zero.jpg -> /dev/zero}) is reported as
 * skipped and never opened.
 */
final class FolderWalker {
    /** File name extensions catalogued, lower case. */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp",
            "heic", "heif");

    /** The cause recorded for a device file, pipe or socket with an image's name (or a link to one). */
    static final String NOT_A_FILE = "not a regular file (a device, pipe or socket; a link to one): not read";

    record Found(Path path, long folderId, long size, long mtimeMillis) {
    }

    /** What one walk saw. {@code problems}: path → (folder id, cause). {@code protectedPrefixes}: paths under
     * which missing rows must be kept. {@code walkedFolders}: folders whose root could be walked. */
    record Result(List<Found> files, Map<Path, Map.Entry<Long, String>> problems, List<Path> protectedPrefixes,
                  List<Long> walkedFolders, boolean cancelled) {
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Folders never walked: the catalogue's own data folder (its thumbnails are not the user's photos). */
    private final List<Path> excluded;
    private final Set<Object> excludedKeys = new HashSet<>();

    FolderWalker(List<Path> excluded) {
        this.excluded = excluded.stream().map(Catalogue::canonical).toList();
        for (Path p : this.excluded) {
            try {
                Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
                if (key != null) {
                    excludedKeys.add(key);
                }
            } catch (IOException e) {
                // not there: nothing to exclude by key
            }
        }
    }

    boolean isExcluded(Path dir, Object fileKey) {
        if (fileKey != null && excludedKeys.contains(fileKey)) {
            return true;
        }
        Path p = Catalogue.canonical(dir);
        return excluded.stream().anyMatch(p::startsWith);
    }

    Result walk(List<Catalogue.Folder> folders, BooleanSupplier cancelled) {
        List<Found> files = new ArrayList<>();
        Map<Path, Map.Entry<Long, String>> problems = new LinkedHashMap<>();
        List<Path> protectedPrefixes = new ArrayList<>();
        List<Long> walked = new ArrayList<>();
        Set<Object> visitedDirs = new HashSet<>();
        Set<Path> seenFiles = new HashSet<>();
        for (Catalogue.Folder folder : folders) {
            if (cancelled.getAsBoolean()) {
                return new Result(files, problems, protectedPrefixes, walked, true);
            }
            Path root = folder.path();
            long fid = folder.id();
            if (!Files.isDirectory(root)) {
                problems.put(root, Map.entry(fid, Files.exists(root, LinkOption.NOFOLLOW_LINKS)
                        ? "not a folder (or not readable); its catalogued photos are kept"
                        : "folder not found; its catalogued photos are kept until it returns"));
                protectedPrefixes.add(root);
                continue;
            }
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                if (cancelled.getAsBoolean()) {
                                    return FileVisitResult.TERMINATE;
                                }
                                Object key = attrs.fileKey();
                                if (isExcluded(dir, key)) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                if (key != null && !visitedDirs.add(key)) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (!isImageName(file)) {
                                    return FileVisitResult.CONTINUE;
                                }
                                Path p = Catalogue.canonical(file);
                                if (attrs.isSymbolicLink()) {
                                    problems.put(p, Map.entry(fid, "broken symbolic link"));
                                } else if (attrs.isOther()) {
                                    // a device, pipe or socket (e.g. zero.jpg -> /dev/zero): reading it could
                                    // block or never end, so it is reported and never opened
                                    problems.put(p, Map.entry(fid, NOT_A_FILE));
                                } else if (attrs.isRegularFile() && seenFiles.add(p)) {
                                    files.add(new Found(p, fid, attrs.size(), attrs.lastModifiedTime().toMillis()));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                                Path p = Catalogue.canonical(file);
                                if (exc instanceof FileSystemLoopException) {
                                    problems.put(p, Map.entry(fid, "symbolic link loop, not followed"));
                                } else if (exc instanceof NoSuchFileException) {
                                    return FileVisitResult.CONTINUE; // vanished during the walk
                                } else {
                                    problems.put(p, Map.entry(fid, cause(exc)));
                                    protectedPrefixes.add(p);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                                if (exc != null) {
                                    Path p = Catalogue.canonical(dir);
                                    problems.put(p, Map.entry(fid, "folder only partly read: " + cause(exc)));
                                    protectedPrefixes.add(p);
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        });
                walked.add(fid);
            } catch (IOException e) {
                problems.put(root, Map.entry(fid, cause(e)));
                protectedPrefixes.add(root);
            }
        }
        // a stable order (the file system's is not): same batches for the same folder, progress in path order
        files.sort(java.util.Comparator.comparing(f -> f.path().toString()));
        return new Result(files, problems, protectedPrefixes, walked, cancelled.getAsBoolean());
    }

    static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
