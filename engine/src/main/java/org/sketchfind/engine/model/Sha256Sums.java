package org.sketchfind.engine.model;

import org.sketchfind.engine.data.FileSha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code SHA256SUMS} file as written by {@code sha256sum} ("{@code <64 hex>  ./relative/path}" per line), used to
 * refuse a broken or altered weight file before it is loaded.
 */
public final class Sha256Sums {
    private final Path file;
    private final Map<String, String> sums;

    private Sha256Sums(Path file, Map<String, String> sums) {
        this.file = file;
        this.sums = sums;
    }

    /** Reads a SHA256SUMS file; a malformed line is an IOException naming the file and the line. */
    public static Sha256Sums read(Path sumsFile) throws IOException {
        if (!Files.isRegularFile(sumsFile)) {
            throw new IOException(sumsFile + ": checksum file not found");
        }
        List<String> lines = Files.readAllLines(sumsFile, StandardCharsets.UTF_8);
        Map<String, String> sums = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sp = line.indexOf(' ');
            String hash = sp < 0 ? line : line.substring(0, sp);
            if (sp < 0 || !hash.matches("[0-9a-fA-F]{64}")) {
                throw new IOException(sumsFile + ":" + (i + 1) + ": malformed checksum line: " + line);
            }
            String name = line.substring(sp).strip();
            if (name.startsWith("*")) {
                name = name.substring(1);
            }
            sums.put(normalise(name), hash.toLowerCase(Locale.ROOT));
        }
        return new Sha256Sums(sumsFile, sums);
    }

    /** The expected hash of {@code relativePath} ("weights/x.npy" or "./weights/x.npy"), or null if not listed. */
    public String expected(String relativePath) {
        return sums.get(normalise(relativePath));
    }

    /**
     * Checks {@code actualFile} against the entry for {@code relativePath}; throws an IOException naming the file if
     * it is missing, unlisted or its hash differs.
     */
    public void verify(String relativePath, Path actualFile) throws IOException {
        String expected = expected(relativePath);
        if (expected == null) {
            throw new IOException(actualFile + ": no checksum listed for '" + relativePath + "' in " + file);
        }
        if (!Files.isRegularFile(actualFile)) {
            throw new IOException(actualFile + ": file not found (listed in " + file + ")");
        }
        String actual = FileSha256.hex(actualFile);
        if (!actual.equals(expected)) {
            throw new IOException(actualFile + ": SHA-256 mismatch, the file is corrupt or was changed (expected "
                    + expected + ", found " + actual + ")");
        }
    }

    private static String normalise(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }
}
