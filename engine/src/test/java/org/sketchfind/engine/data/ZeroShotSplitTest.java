package org.sketchfind.engine.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sketchfind.engine.TestData;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zero-shot guard: training-side sets can never hold an unseen-class item. */
class ZeroShotSplitTest {
    static Dataset sketchy;
    static ZeroShotSplit split;
    static Set<String> unseenByHand;

    @BeforeAll
    static void scan() throws IOException {
        sketchy = Dataset.scan(TestData.path("sketchy"));
        split = sketchy.split(ClassTable.DEFAULT_SPLIT).orElseThrow();
        // the unseen classes read straight from the TSV, independently of ClassTable
        List<String> lines = Files.readAllLines(TestData.path("sketchy", "classes.tsv"));
        int col = Arrays.asList(lines.get(0).split("\t")).indexOf(ClassTable.DEFAULT_SPLIT);
        unseenByHand = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split("\t");
            if (c[col].equals("unseen")) {
                unseenByHand.add(c[0]);
            }
        }
        assertFalse(unseenByHand.isEmpty());
    }

    @Test
    void trainingSetsHoldNoUnseenItem() {
        SeenSet<LabeledImage> photos = split.seen().select(sketchy.photos());
        SeenSet<LabeledImage> sketches = split.seen().select(sketchy.sketches());
        long expectedPhotos = sketchy.photos().stream().filter(p -> !unseenByHand.contains(p.className())).count();
        assertEquals(expectedPhotos, photos.size());
        assertTrue(photos.size() > 0 && sketches.size() > 0);
        for (LabeledImage i : photos) {
            assertFalse(unseenByHand.contains(i.className()), i.toString());
        }
        for (LabeledImage i : sketches) {
            assertFalse(unseenByHand.contains(i.className()), i.toString());
        }
        assertEquals(split.seen().size(), photos.byClass().size());
        // what reaches the trainer is built from these SeenSets: see train.SeenTrainingSetTest
    }

    @Test
    void unseenItemsCannotEnterATrainingSet() {
        ZeroShotViolationException e = assertThrows(ZeroShotViolationException.class,
                () -> split.seen().requireAll(sketchy.photos()));
        assertTrue(e.getMessage().contains("unseen-class data must never enter training"), e.getMessage());
        List<LabeledImage> unseenPhotos = split.unseen().forEvaluation().select(sketchy.photos()).items();
        assertThrows(ZeroShotViolationException.class, () -> split.seen().requireAll(unseenPhotos));
        assertEquals(0, split.seen().select(unseenPhotos).size());
        // an unknown class is not admitted either
        assertThrows(ZeroShotViolationException.class,
                () -> split.seen().requireAll(List.of(new LabeledImage("unicorn", Path.of("u.jpg")))));
        // Quick, Draw! words and folder spellings are matched after normalisation
        assertEquals(1, split.seen().requireAll(List.of(new LabeledImage("CAT", Path.of("c.jpg")))).size());
    }

    @Test
    void typesEnforceTheGuard() {
        // SeenSet can only be made inside the data package, by SeenClasses
        for (var c : SeenSet.class.getDeclaredConstructors()) {
            assertFalse(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
        }
        for (var c : EvaluationSet.class.getDeclaredConstructors()) {
            assertFalse(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
        }
        // unseen classes are not iterable and their evaluation sets are not SeenSets
        assertFalse(Iterable.class.isAssignableFrom(UnseenClasses.class));
        assertFalse(SeenSet.class.isAssignableFrom(EvaluationSet.class));
        assertTrue(Modifier.isFinal(SeenSet.class.getModifiers()));
        // SeenSet's constructor re-checks membership (defence in depth)
        assertThrows(ZeroShotViolationException.class,
                () -> new SeenSet<>(split.seen(), List.of(new LabeledImage("airplane", Path.of("a.jpg")))));
    }

    @Test
    void evaluationReachesUnseenItemsOnly() {
        EvaluationSet<LabeledImage> eval = split.unseen().forEvaluation().select(sketchy.sketches());
        assertTrue(eval.size() > 0);
        for (LabeledImage i : eval) {
            assertTrue(unseenByHand.contains(i.className()));
        }
        assertEquals(unseenByHand, new HashSet<>(split.unseen().forEvaluation().names()));
        assertEquals(unseenByHand.size(), split.unseen().size());
        assertTrue(split.unseen().contains("Airplane"));
    }

    @Test
    void seenClassVectorsOnly() throws IOException {
        GloveVectors g = GloveVectors.load(TestData.path("glove", "glove.6B.100d.subset.txt"));
        var v = split.seen().vectors(g);
        assertEquals(split.seen().size(), v.size());
        for (String c : v.keySet()) {
            assertFalse(unseenByHand.contains(c));
        }
    }

    @Test
    void missingSplitColumnIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroShotSplit.of(split.table(), "split_nope"));
        assertTrue(e.getMessage().contains("split_nope"), e.getMessage());
    }
}
