package org.sketchfind.engine;

import java.nio.file.Path;

/**
 * A fitted ITQ model file.
 *
 * @param seconds time of the fit itself (features were cached before)
 */
public record ItqResult(Path file, int bits, int seenClasses, int photos, int sketches, double seconds,
                        String backbone) {
}
