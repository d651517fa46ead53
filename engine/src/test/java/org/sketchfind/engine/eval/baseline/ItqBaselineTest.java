package org.sketchfind.engine.eval.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.model.ItqHasher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ItqHasher} (the one ITQ of the engine) and {@link ItqBaseline} on real pixel features of the seen
 * src-test-data images (80 rows, 256-d); complements model/ItqHasherTest, which uses SqueezeNet features.
 */
class ItqBaselineTest {

    private static float[][] seenPooled() throws IOException {
        return TrainingFeatures.seenOnly(PixelFeatures.seen(), PixelFeatures.unseenClasses()).pooled();
    }

    @Test
    void rotationIsOrthogonalAndPcaOrthonormal() throws IOException {
        ItqHasher itq = ItqHasher.fit(seenPooled(), 32, ItqHasher.DEFAULT_ITERATIONS, 1);
        assertEquals(32, itq.bits());
        assertEquals(256, itq.dims());
        assertOrthonormalColumns(itq.rotation(), 1e-9);
        assertOrthonormalColumns(itq.pcaProjection(), 1e-9);
        double[][] r = itq.rotation();
        double[][] rrt = new double[32][32]; // R is square: also R Rᵀ = I
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                for (int k = 0; k < 32; k++) {
                    rrt[i][j] += r[i][k] * r[j][k];
                }
                assertEquals(i == j ? 1 : 0, rrt[i][j], 1e-9);
            }
        }
    }

    @Test
    void quantisationErrorFallsOverIterations() throws IOException {
        ItqHasher itq = ItqHasher.fit(seenPooled(), 64, ItqHasher.DEFAULT_ITERATIONS, 3);
        double[] e = itq.lossHistory();
        assertEquals(ItqHasher.DEFAULT_ITERATIONS + 1, e.length);
        for (int i = 1; i < e.length; i++) {
            assertTrue(e[i] <= e[i - 1] * (1 + 1e-9) + 1e-12,
                    "quantisation error rose at iteration " + i + ": " + e[i - 1] + " -> " + e[i]);
        }
        System.out.printf(Locale.ROOT, "ITQ 64 bits: quantisation error %.4f (random rotation) -> %.4f%n", e[0],
                e[e.length - 1]);
        assertTrue(e[e.length - 1] < 0.9 * e[0], "ITQ must beat its random initial rotation: " + Arrays.toString(e));
    }

    @Test
    void codesAreBalancedOnTrainingData() throws IOException {
        float[][] x = seenPooled();
        int bits = 32;
        ItqHasher itq = ItqHasher.fit(x, bits, ItqHasher.DEFAULT_ITERATIONS, 5);
        long[][] codes = itq.encode(x);
        double worst = 0, meanImbalance = 0;
        for (int b = 0; b < bits; b++) {
            int ones = 0;
            for (long[] c : codes) {
                ones += Codes.bit(c, b) ? 1 : 0;
            }
            double frac = (double) ones / codes.length;
            worst = Math.max(worst, Math.abs(frac - 0.5));
            meanImbalance += Math.abs(frac - 0.5) / bits;
        }
        System.out.printf(Locale.ROOT, "ITQ 32 bits balance: mean |p-0.5| %.3f, worst %.3f%n", meanImbalance, worst);
        assertTrue(meanImbalance < 0.12, "mean bit imbalance " + meanImbalance);
        assertTrue(worst < 0.4, "a bit is (nearly) constant: |p-0.5| = " + worst);
        long distinct = Arrays.stream(codes).map(Arrays::toString).distinct().count();
        // some 16x16 sketches are near-duplicates, so not every code is distinct; but codes must not collapse
        assertTrue(distinct > codes.length / 2, "codes collapse: " + distinct + " distinct of " + codes.length);
    }

    @Test
    void seededRepeatableAndSaveLoadRoundTrip(@TempDir Path dir) throws IOException {
        float[][] x = seenPooled();
        ItqHasher a = ItqHasher.fit(x, 64, 20, 7), b = ItqHasher.fit(x, 64, 20, 7);
        assertArrayEquals(a.encode(x), b.encode(x));
        Path file = dir.resolve("itq.bin");
        a.save(file);
        ItqHasher loaded = ItqHasher.load(file);
        assertArrayEquals(a.encode(x), loaded.encode(x));
        // the file format (shared with the shipped model) stores μ and W R only, not the loss history
        assertTrue(a.sameParameters(loaded));
        assertEquals(0, loaded.lossHistory().length);
        assertThrows(IllegalStateException.class, loaded::rotation);

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> ItqHasher.load(truncated));
        assertTrue(e.getMessage().contains("truncated.bin"), e.getMessage());
        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "not a model at all, just text");
        assertThrows(IOException.class, () -> ItqHasher.load(foreign));
        Path longer = dir.resolve("longer.bin");
        Files.write(longer, Arrays.copyOf(bytes, bytes.length + 8));
        assertThrows(IOException.class, () -> ItqHasher.load(longer));
    }

    @Test
    void rejectsMoreBitsThanDimensions() throws IOException {
        float[][] x = seenPooled();
        assertThrows(IllegalArgumentException.class, () -> ItqHasher.fit(x, 257, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> ItqHasher.fit(new float[][]{x[0]}, 8, 5, 1));
        ItqHasher itq = ItqHasher.fit(x, 8, 5, 1);
        assertThrows(IllegalArgumentException.class, () -> itq.encode(new float[10]));
    }

    @Test
    void baselinePoolsBothModalitiesAndCodesHaveTheBitLength() throws IOException {
        TrainingFeatures train = TrainingFeatures.seenOnly(PixelFeatures.seen(), PixelFeatures.unseenClasses());
        ItqBaseline b = new ItqBaseline(128, 10, 11);
        assertThrows(IllegalStateException.class, () -> b.embedPhotos(train.features().photos()));
        b.fit(train);
        Embedded.Binary codes = (Embedded.Binary) b.embedSketches(PixelFeatures.unseen().sketches());
        assertEquals(128, codes.bits());
        assertEquals(10, codes.size());
        assertEquals(2, codes.codes()[0].length);
        // fitted on sketches and photos together: the same as fitting ITQ on the pooled rows
        ItqHasher direct = ItqHasher.fit(train.pooled(), 128, 10, 11);
        assertArrayEquals(direct.encode(PixelFeatures.unseen().sketches()), codes.codes());
        ItqHasher sketchesOnly = ItqHasher.fit(train.features().sketches(), 32, 10, 11);
        assertFalse(Arrays.deepEquals(sketchesOnly.encode(train.pooled()),
                ItqHasher.fit(train.pooled(), 32, 10, 11).encode(train.pooled())));
    }

    static void assertOrthonormalColumns(double[][] m, double tol) {
        int cols = m[0].length;
        for (int a = 0; a < cols; a++) {
            for (int b = a; b < cols; b++) {
                double s = 0;
                for (double[] row : m) {
                    s += row[a] * row[b];
                }
                assertEquals(a == b ? 1 : 0, s, tol, "columns " + a + "," + b);
            }
        }
    }
}
