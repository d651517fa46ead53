package org.sketchfind.app.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.engine.Hit;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;
import org.sketchfind.engine.Sketchfind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app's search seam on the real engine: the shipped model encodes a folder of real photos through the facade's
 * collection, and a sketch drawn as strokes comes back as every photo ranked by distance (asymmetric scores in bits), with thumbnails,
 * the model's name and the engine's own timings.
 */
class EngineSketchSearchTest {
    @TempDir
    Path tmp;

    /** A doodled cat's head: a circle and two triangular ears, in canvas pixels. */
    static Sketch catHead() {
        List<double[]> circle = new ArrayList<>();
        for (int i = 0; i <= 36; i++) {
            double a = Math.PI * 2 * i / 36;
            circle.add(new double[]{200 + 80 * Math.cos(a), 220 + 70 * Math.sin(a)});
        }
        List<double[]> left = List.of(new double[]{140, 170}, new double[]{150, 100}, new double[]{185, 155});
        List<double[]> right = List.of(new double[]{215, 155}, new double[]{250, 100}, new double[]{260, 170});
        return Sketch.ofPoints(List.of(circle, left, right));
    }

    @Test
    void aSketchRanksEveryPhotoOfTheCollectionByDistance() throws Exception {
        Path photos = tmp.resolve("photos");
        AppFixtures.copyPhotos(photos, 10);
        try (Sketchfind engine = new Sketchfind();
             PhotoCollection collection = engine.openCollectionInBackground(tmp.resolve("data")).await()) {
            collection.addFolder(photos, null).await();
            EngineSketchSearch search = new EngineSketchSearch(collection);
            SearchResult out = search.search(new SearchQuery.Drawing(catHead()), 10, 0);
            assertEquals(10, out.hits().size(), "every photo of the collection, ranked");
            assertEquals(10, out.searched());
            assertEquals(engine.modelInfo().name(), out.model());
            assertTrue(out.encodeMillis() > 0 && out.searchMillis() > 0, "the engine's timings: " + out);
            Set<Integer> distances = new HashSet<>();
            Set<Path> paths = new HashSet<>();
            for (int i = 0; i < out.hits().size(); i++) {
                Hit h = out.hits().get(i);
                assertTrue(h.path().startsWith(photos), h.path().toString());
                assertTrue(Files.isRegularFile(h.thumbnail()), "thumbnail of " + h.path());
                assertTrue(paths.add(h.path()), "each photo once");
                distances.add(h.distance());
                if (i > 0) {
                    assertTrue(out.hits().get(i - 1).distance() <= h.distance(), "ranked by distance");
                }
            }
            assertTrue(distances.size() > 2, "the model gave the photos different codes: distances " + distances);

            // "more like this" and a photo file: the photo itself comes first, at distance 0
            Hit third = out.hits().get(2);
            SearchResult like = search.search(new SearchQuery.LikePhoto(third.photoId(), "x"), 5, 0);
            assertEquals(third.photoId(), like.hits().get(0).photoId());
            assertEquals(0, like.hits().get(0).distance());
            assertEquals(5, search.search(new SearchQuery.LikePhoto(third.photoId(), "x"), 5,
                    PhotoCollection.DEFAULT_EXPAND).hits().size(), "refined with the top matches");
            SearchResult byFile = search.search(new SearchQuery.Image(
                    org.sketchfind.engine.QueryImage.read(third.path()).image(), false, "photo"), 3, 0);
            // (not at distance 0: the indexer encodes the photo decoded at thumbnail-scale, the query at full size)
            assertEquals(third.path(), byFile.hits().get(0).path(), "a photo file finds its own copy");
            SearchResult asSketch = search.search(new SearchQuery.Image(catHead().raster(), true, "sketch"), 3, 0);
            assertEquals(3, asSketch.hits().size(), "an image searched as a sketch");
        }
    }
}
