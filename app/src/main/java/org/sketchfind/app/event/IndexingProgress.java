package org.sketchfind.app.event;

import org.sketchfind.engine.ScanProgress;

/** Progress of the running scan, or {@code progress == null} when no scan runs. */
public record IndexingProgress(ScanProgress progress) {
}
