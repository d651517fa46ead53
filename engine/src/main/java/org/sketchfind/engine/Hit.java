package org.sketchfind.engine;

import java.nio.file.Path;

/**
 * One search result: a photo of the collection, its thumbnail and its Hamming distance to the sketch's code.
 *
 * @param photoId   the catalogue's photo id
 * @param path      the photo file
 * @param thumbnail the cached thumbnail file, or null (then show the photo itself, downscaled)
 * @param distance  Hamming distance between the sketch's code and the photo's code
 */
public record Hit(long photoId, Path path, Path thumbnail, int distance) {
}
