package org.sketchfind.app.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.index.CatalogueService;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app's search seam on the real engine: the shipped model encodes a folder of real photos through the facade's
 * catalogue, and a Quick, Draw! doodle drawn as strokes comes back as ranked hits with thumbnails.
 */
class EngineSketchSearchTest {
    @TempDir
    Path tmp;

    @Test
    void aDrawingFindsRankedPhotosOfTheCollection() throws Exception {
        Path photos = tmp.resolve("photos");
        AppFixtures.copyPhotos(photos, 10);
        Sketchfind engine = new Sketchfind();
        try (CatalogueService catalogue = engine.catalogue(tmp.resolve("data"))) {
            catalogue.addFolder(photos, null).await();
            Drawing cat = QuickDrawReader.read(AppFixtures.repoRoot()
                    .resolve("src-test-data/quickdraw/simplified/cat.ndjson")).items().get(0).drawing();
            SearchOutcome out = new EngineSketchSearch(engine, catalogue).search(cat, 5);
            assertEquals(5, out.hits().size());
            assertEquals(engine.modelInfo().name(), out.model());
            for (int i = 0; i < out.hits().size(); i++) {
                SearchHit h = out.hits().get(i);
                assertTrue(h.path().startsWith(photos), h.path().toString());
                assertNotNull(h.thumbnail(), "thumbnail of " + h.path());
                if (i > 0) {
                    assertTrue(out.hits().get(i - 1).distance() <= h.distance(), "ranked by distance");
                }
            }
        }
    }
}
