package org.sketchfind.engine;

import java.nio.file.Path;

/**
 * The "ImageNet features + ITQ" model {@link Sketchfind#fitItq} fits on the SEEN classes of a data set.
 *
 * @param split    the split column of the data set's classes.tsv
 * @param cache    feature cache folder, or null for {@link Sketchfind#defaultFeatureCache()}
 * @param out      the model file to write
 * @param backbone one of {@link Sketchfind#backbones()}, or null for the default
 */
public record ItqRequest(Path data, String split, Path cache, int bits, long seed, Path out, String backbone) {
}
