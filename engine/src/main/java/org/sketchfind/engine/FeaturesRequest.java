package org.sketchfind.engine;

import java.nio.file.Path;

/**
 * What {@link Sketchfind#cacheFeatures} computes: the backbone feature maps of every photo and sketch of a data set.
 *
 * @param data     the data set folder (e.g. a Sketchy root)
 * @param cache    the cache folder, or null for {@link Sketchfind#defaultFeatureCache()}
 * @param backbone one of {@link Sketchfind#backbones()}, or null for {@link Sketchfind#DEFAULT_BACKBONE}
 */
public record FeaturesRequest(Path data, Path cache, String backbone) {
}
