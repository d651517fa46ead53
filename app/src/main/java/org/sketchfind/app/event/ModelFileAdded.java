package org.sketchfind.app.event;

import java.nio.file.Path;

/** A model file to list on the Models page (a finished training run's, say), and whether to show it now. */
public record ModelFileAdded(Path file, boolean show) {
}
