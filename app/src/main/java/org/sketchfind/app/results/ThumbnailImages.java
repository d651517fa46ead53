package org.sketchfind.app.results;

import javafx.scene.image.Image;
import org.sketchfind.engine.Hit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads result thumbnails in the background (JavaFX's own image loader) and keeps the most recent few hundred, so
 * scrolling the virtualised grid back and forth does not reload them. FX thread only.
 */
public final class ThumbnailImages {
    private final double size;
    private final Map<Path, Image> cache;

    public ThumbnailImages(double size, int capacity) {
        this.size = size;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> e) {
                return size() > capacity;
            }
        };
    }

    /** The hit's thumbnail (or, without one, the photo itself downscaled while loading). */
    public Image of(Hit hit) {
        Path file = hit.thumbnail() != null ? hit.thumbnail() : hit.path();
        return cache.computeIfAbsent(file, f -> new Image(f.toUri().toString(), size, size, true, true, true));
    }
}
