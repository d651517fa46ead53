package org.sketchfind.engine;

import java.nio.file.Path;

/**
 * The feature cache of a data set.
 *
 * @param seconds  wall time, including scanning the data set (cached maps are only checked, not computed again)
 */
public record FeaturesResult(int photos, int sketches, Path cache, double seconds, String backbone) {
}
