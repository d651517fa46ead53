package org.sketchfind.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.ModelFile;
import org.sketchfind.engine.model.ZsihEncoders;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validation on seen classes held out whole (the zero-shot proxy of {@code train --validation-classes}), on the real
 * src-test-data seen classes: the held-out classes' items, names and vectors never train, and the model file knows
 * only the training classes.
 */
class HeldOutClassesTest {

    @Test
    void heldOutClassesNeitherTrainNorReachTheModel(@TempDir Path run) throws Exception {
        TrainingData all = SketchyTestFeatures.load(0);
        TrainingData data = SketchyTestFeatures.load(0, 2);
        int n = all.classNames().size();
        assertEquals(n - 2, data.classNames().size());
        assertEquals(2, data.validationClassNames().size());
        Set<String> names = new HashSet<>(data.classNames());
        names.addAll(data.validationClassNames());
        assertEquals(new HashSet<>(all.classNames()), names, "every seen class is either trained or held out");
        for (String v : data.validationClassNames()) {
            assertTrue(!data.classNames().contains(v), v + " both trains and validates");
        }
        for (int c = 0; c < data.classNames().size(); c++) {
            int original = all.classNames().indexOf(data.classNames().get(c));
            assertArrayEquals(all.classVectors()[original], data.classVectors()[c], "vectors follow their class");
        }
        for (int i : data.trainSketches()) {
            assertTrue(data.sketchClasses()[i] < n - 2);
        }
        for (int i : data.trainPhotos()) {
            assertTrue(data.photoClasses()[i] < n - 2);
        }
        int heldOutSketches = 0;
        for (int i = 0; i < all.sketchClasses().length; i++) {
            if (data.validationClassNames().contains(all.classNames().get(all.sketchClasses()[i]))) {
                heldOutSketches++;
                assertEquals(data.validationClassNames().get(data.sketchClasses()[i] - (n - 2)),
                        all.classNames().get(all.sketchClasses()[i]), "sketch " + i + " keeps its class");
            }
        }
        assertEquals(heldOutSketches, data.valSketches().length, "every sketch of a held-out class validates");
        assertEquals(all.sketchClasses().length, data.trainSketches().length + data.valSketches().length);

        TrainingResult r = new Trainer().train(data, TrainerTest.CFG, RunOptions.epochs(1), run,
                new TrainingListener() {
                }, CancellationToken.none());
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        double map = r.validationMaps().get(0);
        assertTrue(map > 0 && map <= 1, "validation mAP " + map);
        ZsihEncoders enc = ZsihEncoders.load(r.modelFile());
        assertEquals(data.classNames(), enc.manifest().classNames());
        String card = ModelFile.read(r.modelFile()).modelCard();
        assertTrue(card.contains("validation_map_held_out_seen_classes"), card);
        assertTrue(card.contains("Eq. 3 graph at t = " + TrainerTest.CFG.t()), card);
        assertTrue(card.contains(String.join(", ", data.validationClassNames())), card);
    }

    @Test
    void refusesToHoldOutTooManyClasses() throws Exception {
        TrainingData all = SketchyTestFeatures.load(0);
        int n = all.classNames().size();
        assertThrows(IllegalArgumentException.class, () -> SketchyTestFeatures.load(0, n - 1));
    }
}
