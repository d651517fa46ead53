package org.sketchfind.engine.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairSamplerTest {
    static List<PairSampler.Item> items(int classes, int perClass, int offset) {
        List<PairSampler.Item> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                out.add(new PairSampler.Item(c, offset + c * perClass + i));
            }
        }
        return out;
    }

    @Test
    void batchesAreCategoryCoherentCoverEverySketchOnceAndAreSeeded() {
        List<PairSampler.Item> sketches = items(5, 7, 0);
        List<PairSampler.Item> photos = items(5, 3, 1000);
        PairSampler s = new PairSampler(sketches, photos, 5, 10, 42);
        assertEquals(3, s.batchesPerEpoch(), "35 sketches, batch 10: the incomplete last batch is dropped");
        List<List<PairSampler.Pair>> e0 = s.epoch(0);
        Set<Integer> seenSketches = new HashSet<>();
        for (List<PairSampler.Pair> b : e0) {
            assertEquals(10, b.size());
            for (PairSampler.Pair p : b) {
                assertEquals(p.classIndex(), p.sketchIndex() / 7, "sketch of the pair's class");
                assertEquals(p.classIndex(), (p.photoIndex() - 1000) / 3, "photo of the same class");
                assertTrue(seenSketches.add(p.sketchIndex()), "each sketch at most once per epoch");
            }
        }
        assertEquals(e0, new PairSampler(sketches, photos, 5, 10, 42).epoch(0), "same seed, same batches");
        assertNotEquals(e0, s.epoch(1), "another epoch, another order");
        assertNotEquals(e0, new PairSampler(sketches, photos, 5, 10, 43).epoch(0), "another seed");
    }

    @Test
    void sketchesOfClassesWithoutPhotosAreSkippedAndSmallSetsGiveOneBatch() {
        List<PairSampler.Item> photos = new ArrayList<>(items(2, 2, 100));
        PairSampler s = new PairSampler(items(3, 2, 0), photos, 3, 50, 1);
        assertEquals(2, s.skipped());
        assertEquals(1, s.batchesPerEpoch());
        assertEquals(4, s.epoch(0).get(0).size());
    }
}
