package org.sketchfind.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batches of category-coherent sketch–photo pairs (paper Alg. 1: each pair holds a sketch and a photo of the
 * same class). Takes {@link SeenSet}s only, so unseen-class data cannot reach training through it. Seeded and
 * repeatable: the same sets and seed give the same batches.
 *
 * @param <S> sketch item type (a sketch image or a Quick, Draw! drawing)
 * @param <P> photo item type
 */
public final class PairSampler<S extends Labeled, P extends Labeled> {
    /** One training pair of class {@code className}. */
    public record Pair<S, P>(String className, S sketch, P photo) {
    }

    private final List<String> classes = new ArrayList<>();
    private final List<List<S>> sketchesByClass = new ArrayList<>();
    private final List<List<P>> photosByClass = new ArrayList<>();
    private final SplittableRandom random;

    /**
     * @throws IllegalArgumentException if no class has both sketches and photos
     */
    public PairSampler(SeenSet<S> sketches, SeenSet<P> photos, long seed) {
        Map<String, List<P>> photoMap = photos.byClass();
        for (Map.Entry<String, List<S>> e : sketches.byClass().entrySet()) {
            List<P> ps = photoMap.get(e.getKey());
            if (ps != null && !ps.isEmpty() && !e.getValue().isEmpty()) {
                classes.add(e.getKey());
                sketchesByClass.add(e.getValue());
                photosByClass.add(ps);
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no seen class has both sketches and photos");
        }
        this.random = new SplittableRandom(seed);
    }

    /** The classes pairs are drawn from (seen classes with both sketches and photos). */
    public List<String> classes() {
        return List.copyOf(classes);
    }

    /** {@code size} pairs: each a uniformly drawn class, then a uniformly drawn sketch and photo of it. */
    public List<Pair<S, P>> batch(int size) {
        List<Pair<S, P>> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int c = random.nextInt(classes.size());
            List<S> ss = sketchesByClass.get(c);
            List<P> ps = photosByClass.get(c);
            out.add(new Pair<>(classes.get(c), ss.get(random.nextInt(ss.size())), ps.get(random.nextInt(ps.size()))));
        }
        return out;
    }
}
