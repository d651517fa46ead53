package org.sketchfind.engine.train;

import org.sketchfind.engine.code.Codes;

/**
 * Minimal mAP@all for the trainer's per-epoch validation: each query ranks the whole gallery by Hamming distance
 * (ties in gallery order, the paper's plain ordering); AP = mean over relevant items (same class) of the precision
 * at their rank. TODO: switch to org.sketchfind.engine.eval's metrics (tie-aware AP) once that package lands.
 */
final class HammingMap {
    private HammingMap() {
    }

    static double meanAveragePrecision(long[][] queries, int[] queryClasses, long[][] gallery, int[] galleryClasses,
                                       int bits) {
        double sum = 0;
        int counted = 0;
        for (int q = 0; q < queries.length; q++) {
            // Counting sort by distance keeps gallery order within a distance: a stable ranking in O(n + bits).
            int[] count = new int[bits + 2];
            int[] dist = new int[gallery.length];
            for (int g = 0; g < gallery.length; g++) {
                dist[g] = Codes.hamming(queries[q], gallery[g]);
                count[dist[g] + 1]++;
            }
            for (int d = 1; d < count.length; d++) {
                count[d] += count[d - 1];
            }
            int[] ranked = new int[gallery.length];
            for (int g = 0; g < gallery.length; g++) {
                ranked[count[dist[g]]++] = g;
            }
            int relevant = 0;
            double ap = 0;
            for (int r = 0; r < ranked.length; r++) {
                if (galleryClasses[ranked[r]] == queryClasses[q]) {
                    relevant++;
                    ap += (double) relevant / (r + 1);
                }
            }
            if (relevant > 0) {
                sum += ap / relevant;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
