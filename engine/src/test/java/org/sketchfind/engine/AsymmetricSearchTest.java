package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.code.AsymmetricScore;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sketch search with the shipped ZSIH default asked for asymmetric ranking ranks the collection by asymmetric scores
 * (the sketch's real-valued outputs against the photos' stored codes), exactly as a brute-force ranking by
 * {@link AsymmetricScore} does; asked for Hamming, or with query expansion, it ranks by the Hamming distance as before.
 * (The default, real-valued ranking: {@link RealValuedSearchTest}.)
 */
class AsymmetricSearchTest {
    @TempDir
    Path tmp;

    @Test
    void theAsymmetricSearchIsTheBruteForceAsymmetricRanking() throws Exception {
        PhotoCollectionTest.copyPhotos(tmp.resolve("photos"), 20);
        Sketch doodle = PhotoCollectionTest.catDoodle();
        BufferedImage raster = doodle.raster();
        try (Sketchfind engine = new Sketchfind();
             PhotoCollection c = engine.openCollection(tmp.resolve("data"))) {
            c.addFolder(tmp.resolve("photos"), null).await();
            SearchResult asym = c.search(doodle, 20, 0, SearchRanking.ASYMMETRIC);
            assertEquals(20, asym.hits().size());
            assertEquals(SearchRanking.ASYMMETRIC, asym.ranking(), "the shipped ZSIH model has real-valued sketch outputs");

            // brute force: the model's margins for the same raster against every photo's stored code
            HashingModel m = HashingModels.load(Sketchfind.defaultModelFile());
            AsymmetricScore q = new AsymmetricScore(m.sketchMargins(List.of(raster))[0]);
            List<long[]> codes = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Hit h : c.search(doodle, 20, 0, SearchRanking.HAMMING).hits()) {
                ids.add(h.photoId());
                codes.add(c.storedCode(h.photoId()));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -q.score(codes.get(i))));
            for (int r = 0; r < order.size(); r++) {
                long expectedId = ids.get(order.get(r));
                Hit got = asym.hits().get(r);
                double sExpected = q.score(codes.get(order.get(r)));
                double sGot = q.score(codeOf(c, got.photoId()));
                assertEquals(sExpected, sGot, 1e-6, "rank " + (r + 1) + ": the same score (photo " + expectedId + ")");
                assertEquals(q.distance(codeOf(c, got.photoId())), got.distance(), "the distance is the score in bits");
                if (r > 0) {
                    assertTrue(asym.hits().get(r - 1).distance() <= got.distance(), "distances never fall");
                }
            }

            // the top 5 of a shorter search are the first 5 of the whole ranking (the bounded selection)
            assertEquals(ids(asym).subList(0, 5), ids(c.search(doodle, 5, 0, SearchRanking.ASYMMETRIC)));

            // Hamming on request and with expansion: ranked by the Hamming distance to the sketch's code
            for (SearchResult h : List.of(c.search(doodle, 20, 0, SearchRanking.HAMMING), c.search(doodle, 20, 5))) {
                assertEquals(SearchRanking.HAMMING, h.ranking());
                for (int r = 1; r < h.hits().size(); r++) {
                    assertTrue(h.hits().get(r - 1).distance() <= h.hits().get(r).distance());
                }
            }
            assertNotEquals(ids(asym), ids(c.search(doodle, 20, 0, SearchRanking.HAMMING)),
                    "on 20 photos the two rankings differ somewhere");
        }
    }

    private static List<Long> ids(SearchResult r) {
        return r.hits().stream().map(Hit::photoId).toList();
    }

    private static long[] codeOf(PhotoCollection c, long photoId) throws Exception {
        return c.storedCode(photoId);
    }
}
