package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.code.CosineScore;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default sketch search with the shipped ZSIH model ranks the collection by the cosine of the sketch's and the
 * photos' stored real-valued outputs (rule R7), exactly as a brute-force ranking by {@link CosineScore} does; the
 * stored outputs agree with the stored codes; a catalogue whose photos have codes but no outputs (one written before
 * they were stored) is searched by asymmetric scores until the rescan the app's start makes gives them outputs.
 */
class RealValuedSearchTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultSearchIsTheBruteForceRealValuedRanking() throws Exception {
        PhotoCollectionTest.copyPhotos(tmp.resolve("photos"), 20);
        Sketch doodle = PhotoCollectionTest.catDoodle();
        BufferedImage raster = doodle.raster();
        List<Long> realIds;
        try (Sketchfind engine = new Sketchfind();
             PhotoCollection c = engine.openCollection(tmp.resolve("data"))) {
            c.addFolder(tmp.resolve("photos"), null).await();
            assertEquals(SearchRanking.REAL_VALUED, PhotoCollection.DEFAULT_RANKING);
            SearchResult real = c.search(doodle, 20, 0);
            assertEquals(20, real.hits().size());
            assertEquals(SearchRanking.REAL_VALUED, real.ranking());

            HashingModel m = HashingModels.load(Sketchfind.defaultModelFile());
            CosineScore q = new CosineScore(m.sketchMargins(List.of(raster))[0]);
            List<Integer> order = new ArrayList<>();
            List<byte[]> outputs = new ArrayList<>();
            for (int i = 0; i < real.hits().size(); i++) {
                long id = real.hits().get(i).photoId();
                byte[] o = c.storedOutputs(id).orElseThrow();
                assertEquals(m.bits(), o.length);
                long[] code = c.storedCode(id);
                for (int k = 0; k < m.bits(); k++) {
                    if (o[k] != 0) {
                        assertEquals(o[k] > 0, Codes.bit(code, k), "photo " + id + " bit " + k + ": output and code agree");
                    }
                }
                outputs.add(o);
                order.add(i);
            }
            // brute force over the stored outputs: the same order (as the scores go), distances in bits never fall
            order.sort(Comparator.comparingDouble((Integer i) -> -q.score(outputs.get(i), 0)));
            for (int r = 0; r < order.size(); r++) {
                double expected = q.score(outputs.get(order.get(r)), 0);
                double got = q.score(outputs.get(r), 0);
                assertEquals(expected, got, 1e-9, "rank " + (r + 1));
                assertEquals(q.distance(got), real.hits().get(r).distance());
                if (r > 0) {
                    assertTrue(real.hits().get(r - 1).distance() <= real.hits().get(r).distance());
                }
            }
            realIds = ids(real);
            assertEquals(SearchRanking.ASYMMETRIC, c.search(doodle, 20, 0, SearchRanking.ASYMMETRIC).ranking());
            assertEquals(SearchRanking.HAMMING, c.search(doodle, 20, 5).ranking(), "expansion ranks by Hamming");
        }

        // a catalogue with codes but no outputs: asymmetric ranking, until a rescan stores them
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data").resolve(Catalogue.DB_FILE));
             Statement s = db.createStatement()) {
            assertEquals(20, s.executeUpdate("UPDATE codes SET outputs = NULL"));
        }
        try (Sketchfind engine = new Sketchfind();
             PhotoCollection c = engine.openCollection(tmp.resolve("data"))) {
            assertEquals(SearchRanking.ASYMMETRIC, c.search(doodle, 20, 0).ranking());
            // what the app does when it starts: the missing outputs make it rescan
            c.startUp(null, null).orElseThrow(() -> new AssertionError("startUp should rescan")).await();
            SearchResult again = c.search(doodle, 20, 0);
            assertEquals(SearchRanking.REAL_VALUED, again.ranking());
            assertEquals(realIds, ids(again), "the rescan stored the same outputs");
        }
    }

    private static List<Long> ids(SearchResult r) {
        return r.hits().stream().map(Hit::photoId).toList();
    }
}
