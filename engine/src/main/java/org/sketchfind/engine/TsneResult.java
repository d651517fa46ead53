package org.sketchfind.engine;

import org.sketchfind.engine.code.Codes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A t-SNE written as CSV and PNG, with its points for an interactive plot.
 *
 * @param unseen points of unseen classes
 * @param model  the name of the model whose codes were embedded
 * @param kl     the final KL divergence, or null if none was measured
 * @param items  every embedded point in CSV order, with its item and code (empty from the older constructor)
 */
public record TsneResult(int points, long unseen, String model, Double kl, List<Path> files, double seconds,
                         List<Item> items) {
    public TsneResult {
        files = List.copyOf(files);
        items = List.copyOf(items);
    }

    public TsneResult(int points, long unseen, String model, Double kl, List<Path> files, double seconds) {
        this(points, unseen, model, kl, files, seconds, List.of());
    }

    /**
     * One embedded item.
     *
     * @param x, y      its 2-D position
     * @param className its class
     * @param unseen    whether the class is unseen in the split (zero-shot) rather than seen (trained on)
     * @param sketch    a sketch (encoder g) rather than a photo (encoder f)
     * @param path      the image file
     * @param code      its binary code ({@code long[]} words, bit 0 the lowest bit of the first word)
     * @param bits      the code length
     */
    public record Item(double x, double y, String className, boolean unseen, boolean sketch, Path path, long[] code,
                       int bits) {
        public Item {
            code = code.clone();
        }

        /** Hamming distance between this item's code and {@code other}'s. */
        public int distance(Item other) {
            return Codes.hamming(code, other.code);
        }

        /** The code in hex, bit 0 first (as {@link Code#hex()}). */
        public String hex() {
            return Codes.toHex(code, bits);
        }
    }

    /** A point and its Hamming distance to the item asked about. */
    public record Neighbour(int index, int distance) {
    }

    /**
     * The {@code k} items nearest to item {@code index} in Hamming space (not in the 2-D plot), the item itself
     * left out; ties by index.
     */
    public List<Neighbour> nearest(int index, int k) {
        Item of = items.get(index);
        List<Neighbour> all = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (i != index) {
                all.add(new Neighbour(i, of.distance(items.get(i))));
            }
        }
        all.sort(Comparator.comparingInt(Neighbour::distance).thenComparingInt(Neighbour::index));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
