package org.sketchfind.app.search;

import java.nio.file.Path;

/**
 * One ranked photo.
 *
 * @param photoId   the catalogue's photo id
 * @param path      the photo file
 * @param distance  Hamming distance between the sketch's code and the photo's code
 * @param thumbnail the cached thumbnail file, or null (the grid then loads the photo itself, downscaled)
 */
public record SearchHit(long photoId, Path path, int distance, Path thumbnail) {
}
