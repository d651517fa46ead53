package org.sketchfind.engine.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that is malformed, tampered with, or of another format or version; the message says which. */
public class ModelFormatException extends IOException {
    public ModelFormatException(Path file, String cause) {
        super(file + ": " + cause);
    }
}
