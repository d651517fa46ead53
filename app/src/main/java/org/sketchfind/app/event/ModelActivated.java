package org.sketchfind.app.event;

import java.nio.file.Path;

/** The collection's model changed (its codes are complete): searches, totals and labels follow it. */
public record ModelActivated(Path modelFile, String modelName) {
}
