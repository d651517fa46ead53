package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All baselines end-to-end on real src-test-data features (16×16 pixels; the integration feeds SqueezeNet features):
 * fitted on the 8 seen classes, evaluated with queries = the 10 unseen sketches, gallery = the 10 unseen photos.
 */
class BaselinesTest {

    @Test
    void trainingFeaturesRefuseUnseenClassItems() throws IOException {
        FeatureSet all = PixelFeatures.all();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingFeatures.seenOnly(all, PixelFeatures.unseenClasses()));
        assertTrue(e.getMessage().contains("airplane") && e.getMessage().contains("cup"), e.getMessage());
        // names are compared normalised (case, '_', '-', spaces)
        assertThrows(IllegalArgumentException.class, () -> TrainingFeatures.seenOnly(all, List.of("AIRPLANE")));
        // a single unseen item is enough to refuse
        FeatureSet seen = PixelFeatures.seen();
        FeatureSet oneLeak = new FeatureSet(all.classNames(), all.classVectors(), seen.sketches(),
                relabel(seen, seen.sketchLabels(), all), append(seen.photos(), all.photos()[all.photos().length - 1]),
                appendLabel(relabel(seen, seen.photoLabels(), all), all.photoLabels()[all.photos().length - 1]));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingFeatures.seenOnly(oneLeak, PixelFeatures.unseenClasses()));
        // class vectors of unseen classes may be listed as long as no item belongs to them
        FeatureSet noLeak = new FeatureSet(all.classNames(), all.classVectors(), seen.sketches(),
                relabel(seen, seen.sketchLabels(), all), seen.photos(), relabel(seen, seen.photoLabels(), all));
        TrainingFeatures ok = TrainingFeatures.seenOnly(noLeak, PixelFeatures.unseenClasses());
        assertEquals(80, ok.pooled().length);
        assertEquals(8, ok.seenClasses().size());
    }

    @Test
    void runAllRefusesTrainingOnTestClasses() throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> Baselines.runAll(PixelFeatures.all(), PixelFeatures.unseen(), new int[]{32}));
    }

    @Test
    void runAllMeasuresEveryBaselineTheSameWay() throws IOException {
        FeatureSet seen = PixelFeatures.seen(), unseen = PixelFeatures.unseen();
        List<String> log = new ArrayList<>();
        Baselines.Config cfg = Baselines.Config.defaults(42).withLog(log::add)
                .withDsh(new DshBaseline.Config(128, 20, 32, 1e-3, 1.0, 0.1, 1e-4, 42));
        int[] bits = {32, 64, 128};
        long t0 = System.nanoTime();
        List<Report> reports = Baselines.runAll(seen, unseen, bits, cfg);
        double wallMillis = (System.nanoTime() - t0) / 1e6;
        log.forEach(System.out::println);
        assertEquals(2 * bits.length + 3, reports.size());
        List<String> expected = List.of("itq/32", "itq/64", "itq/128", "dsh/32", "dsh/64", "dsh/128",
                "imagenet-cosine/null", "ridge-glove/null", "sae/null");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            assertEquals(expected.get(i), r.model() + "/" + r.bits());
            assertEquals(10, r.queries());
            assertEquals(10, r.gallery());
            assertEquals(10, r.precisionK(), "P@100 clamped to the 10-photo gallery");
            assertEquals("unseen", r.split());
            assertEquals(0, r.queriesWithoutRelevant());
            // 2 unseen classes, 5 relevant of 10: AP is at least the worst-case ordering's and at most 1
            double worstAp = 0;
            for (int k = 1; k <= 5; k++) {
                worstAp += k / (5.0 + k) / 5;
            }
            assertTrue(r.mapAll() >= worstAp - 1e-12 && r.mapAll() <= 1, r.model() + " mAP " + r.mapAll());
            assertTrue(r.mapAllTieAware() >= worstAp - 1e-12 && r.mapAllTieAware() <= 1);
            assertEquals(0.5, r.precisionAtK(), 1e-12, "P@10 over a 10-photo gallery with 5 relevant is 0.5");
            assertEquals(2, r.perClass().size());
            assertTrue(r.msPerQuery() > 0 && r.msPerQuery() * r.queries() <= wallMillis,
                    "ranking time per query, within the run's wall time: " + r.msPerQuery());
            if (r.bits() == null) {
                assertEquals(r.model().equals("imagenet-cosine") ? 256 : 100, r.dims());
            } else {
                assertNull(r.dims());
            }
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("P@100 measured as P@10")), log.toString());

        // ImageNet cosine is exactly cosine on the raw features
        Report direct = Evaluation.cosine("imagenet-cosine", unseen.sketches(), unseen.sketchLabels(),
                unseen.photos(), unseen.photoLabels(), unseen.classNames(),
                Evaluation.Options.defaults().withPrecisionK(10).withSplit("unseen"));
        assertEquals(direct.mapAll(), reports.get(6).mapAll(), 1e-12);

        String table = PaperTable.markdown(new PaperTable.Header("Baselines on src-test-data", "src-test-data/sketchy"
                + " (16x16 pixel features)", "split_sake_zeroshot1_25unseen: 2 unseen classes"), reports, bits);
        System.out.println(table);
        assertEquals(5, table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Method")
                && !l.startsWith("| ---")).count());
    }

    @Test
    void createKnowsTheIdsAndNeedsBitsForHashing() {
        Baselines.Config cfg = Baselines.Config.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> Baselines.create("sift", 64, cfg));
        assertThrows(IllegalArgumentException.class, () -> Baselines.create("itq", null, cfg));
        assertEquals(64, Baselines.create("dsh", 64, cfg).bits());
        assertNull(Baselines.create("imagenet-cosine", 64, cfg).bits());
        assertTrue(Baselines.isBinary("itq"));
        assertTrue(!Baselines.isBinary("ridge-glove"));
        assertEquals(5, Set.copyOf(Baselines.IDS).size());
    }

    private static int[] relabel(FeatureSet from, int[] labels, FeatureSet to) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = to.classNames().indexOf(from.classNames().get(labels[i]));
        }
        return out;
    }

    private static float[][] append(float[][] rows, float[] row) {
        float[][] out = java.util.Arrays.copyOf(rows, rows.length + 1);
        out[rows.length] = row;
        return out;
    }

    private static int[] appendLabel(int[] labels, int label) {
        int[] out = java.util.Arrays.copyOf(labels, labels.length + 1);
        out[labels.length] = label;
        return out;
    }
}
