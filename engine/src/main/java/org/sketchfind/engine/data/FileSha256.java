package org.sketchfind.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file's bytes as lower-case hex: the catalogue's content key ({@code index.Indexer}) and the checksum of
 * {@code SHA256SUMS} files ({@code org.sketchfind.engine.model.Sha256Sums}).
 */
public final class FileSha256 {
    private FileSha256() {
    }

    /** Lower-case hex SHA-256 of {@code file}'s bytes, read in 64 KiB blocks. */
    public static String hex(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
