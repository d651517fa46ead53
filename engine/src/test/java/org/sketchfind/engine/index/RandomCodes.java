package org.sketchfind.engine.index;

import org.sketchfind.engine.code.Codes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Random and clustered code collections, and the brute-force reference ranking, for the index tests. */
final class RandomCodes {
    private RandomCodes() {
    }

    static long[] random(Random r, int bits) {
        long[] c = new long[Codes.words(bits)];
        for (int i = 0; i < bits; i++) {
            if (r.nextBoolean()) {
                c[i >>> 6] |= 1L << (i & 63);
            }
        }
        return c;
    }

    /** A copy of {@code center} with each bit flipped with probability p. */
    static long[] near(Random r, long[] center, int bits, double p) {
        long[] c = center.clone();
        for (int i = 0; i < bits; i++) {
            if (r.nextDouble() < p) {
                c[i >>> 6] ^= 1L << (i & 63);
            }
        }
        return c;
    }

    /** n uniform codes, ids 1000 + 7·row (so ids differ from rows). */
    static PackedCodes uniform(long seed, int n, int bits) {
        Random r = new Random(seed);
        PackedCodes pc = new PackedCodes(bits);
        for (int i = 0; i < n; i++) {
            pc.append(1000 + 7L * i, random(r, bits));
        }
        return pc;
    }

    /** n codes around {@code clusters} random centres, bits flipped with probability p. */
    static PackedCodes clustered(long seed, int n, int bits, int clusters, double p) {
        Random r = new Random(seed);
        long[][] centres = new long[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = random(r, bits);
        }
        PackedCodes pc = new PackedCodes(bits);
        for (int i = 0; i < n; i++) {
            pc.append(1000 + 7L * i, near(r, centres[r.nextInt(clusters)], bits, p));
        }
        return pc;
    }

    /** Reference: every code's distance, full sort by (distance, row), first k. */
    static List<Hit> bruteForce(PackedCodes pc, long[] q, int k) {
        List<Hit> all = new ArrayList<>();
        for (int row = 0; row < pc.size(); row++) {
            all.add(new Hit(pc.id(row), Codes.hamming(pc.get(row), q), row));
        }
        all.sort(Comparator.comparingInt(Hit::distance).thenComparingInt(Hit::row));
        return all.subList(0, Math.min(k, all.size()));
    }

    static List<Hit> bruteForceRadius(PackedCodes pc, long[] q, int radius) {
        List<Hit> all = bruteForce(pc, q, Integer.MAX_VALUE);
        return all.stream().filter(h -> h.distance() <= radius).toList();
    }
}
