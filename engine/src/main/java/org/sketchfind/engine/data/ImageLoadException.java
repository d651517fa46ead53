package org.sketchfind.engine.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image that cannot or must not be loaded: missing, empty, truncated, corrupt, of an unknown format, or declaring
 * more pixels than allowed (a decompression bomb). The message names the file and the cause.
 */
public class ImageLoadException extends IOException {
    private final transient Path file;
    private final String reason;

    public ImageLoadException(Path file, String reason) {
        this(file, reason, null);
    }

    public ImageLoadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that could not be loaded. */
    public Path file() {
        return file;
    }

    /** The cause in words, without the file name. */
    public String reason() {
        return reason;
    }
}
