package org.sketchfind.engine.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.code.Codes;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ITQ on real backbone features: fitted on the SEEN classes of src-test-data only (split column
 * split_sake_zeroshot1_25unseen), both modalities.
 */
class ItqHasherTest {
    private static final int BITS = 64;
    private static float[][] features;      // seen photos then seen sketches
    private static int[] labels;
    private static int photoCount;

    @BeforeAll
    static void extract() throws IOException {
        List<String> seen = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestData.path("sketchy", "classes.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t"));
        int col = header.indexOf("split_sake_zeroshot1_25unseen");
        assertTrue(col > 0, "split column present");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f[col].equals("seen")) {
                seen.add(f[0]);
            }
        }
        assertEquals(8, seen.size());
        FeatureExtractor fx = new FeatureExtractor(Backbones.shared(SqueezeNet11.NAME), 16);
        List<float[]> rows = new ArrayList<>();
        List<Integer> lab = new ArrayList<>();
        for (String modality : List.of("photo", "sketch")) {
            for (int c = 0; c < seen.size(); c++) {
                List<BufferedImage> imgs = new ArrayList<>();
                try (Stream<Path> s = Files.list(TestData.path("sketchy", modality, seen.get(c)))) {
                    for (Path p : s.sorted().collect(Collectors.toList())) {
                        imgs.add(ImageIO.read(p.toFile()));
                    }
                }
                float[][] f = fx.pooled(imgs, modality.equals("photo")
                        ? ImagePreprocessor.Mode.PHOTO : ImagePreprocessor.Mode.SKETCH);
                for (float[] r : f) {
                    rows.add(r);
                    lab.add(c);
                }
            }
            if (modality.equals("photo")) {
                photoCount = rows.size();
            }
        }
        features = rows.toArray(new float[0][]);
        labels = lab.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void codesAreBalancedAndSameClassPhotosAreCloser() {
        ItqHasher itq = ItqHasher.fit(features, BITS, 50, 7L);
        assertEquals(BITS, itq.bits());
        assertEquals(512, itq.dims());
        long[][] codes = itq.encode(features);
        // balance: each bit is 1 for a fair share of the training items
        int lopsided = 0;
        double meanOnes = 0;
        for (int b = 0; b < BITS; b++) {
            int ones = 0;
            for (long[] c : codes) {
                ones += Codes.bit(c, b) ? 1 : 0;
            }
            double frac = ones / (double) codes.length;
            meanOnes += frac / BITS;
            if (frac < 0.2 || frac > 0.8) {
                lopsided++;
            }
        }
        System.out.printf("mean fraction of ones %.3f, bits outside [0.2, 0.8]: %d of %d%n", meanOnes, lopsided, BITS);
        assertEquals(0.5, meanOnes, 0.1);
        assertTrue(lopsided <= BITS / 10, lopsided + " lopsided bits");
        // same-class photo pairs are closer on average than different-class ones
        double same = 0, diff = 0;
        int nSame = 0, nDiff = 0;
        for (int i = 0; i < photoCount; i++) {
            for (int j = i + 1; j < photoCount; j++) {
                int d = Codes.hamming(codes[i], codes[j]);
                if (labels[i] == labels[j]) {
                    same += d;
                    nSame++;
                } else {
                    diff += d;
                    nDiff++;
                }
            }
        }
        same /= nSame;
        diff /= nDiff;
        System.out.printf("mean Hamming distance of seen photo pairs: same class %.2f, different class %.2f%n", same, diff);
        assertTrue(same < diff - 2, "same " + same + " vs different " + diff);
        // ITQ's alternating minimisation never increases the quantisation loss
        double[] loss = itq.lossHistory();
        assertEquals(51, loss.length);
        for (int i = 1; i < loss.length; i++) {
            assertTrue(loss[i] <= loss[i - 1] * (1 + 1e-9), "loss rose at iteration " + i);
        }
        assertTrue(loss[50] < loss[0], "rotation learned something");
        System.out.printf("quantisation loss %.1f -> %.1f%n", loss[0], loss[50]);
    }

    @Test
    void sameSeedSameCodesAndSaveLoadRoundTrip(@TempDir Path dir) throws IOException {
        ItqHasher a = ItqHasher.fit(features, 32, 20, 3L);
        ItqHasher b = ItqHasher.fit(features, 32, 20, 3L);
        assertTrue(a.sameParameters(b));
        Path file = dir.resolve("itq.bin");
        a.save(file);
        assertEquals(16 + 4 * 512 + 4 * 512 * 32 + 8, Files.size(file));
        ItqHasher loaded = ItqHasher.load(file);
        assertTrue(a.sameParameters(loaded));
        for (float[] f : features) {
            assertArrayEquals(a.encode(f), loaded.encode(f));
        }
        // damaged files are refused with the file named
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 0x10;
        Path corrupt = dir.resolve("corrupt.bin");
        Files.write(corrupt, bytes);
        IOException e = assertThrows(IOException.class, () -> ItqHasher.load(corrupt));
        assertTrue(e.getMessage().contains("corrupt.bin") && e.getMessage().contains("checksum"), e.getMessage());
        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file), 5000));
        e = assertThrows(IOException.class, () -> ItqHasher.load(truncated));
        assertTrue(e.getMessage().contains("truncated.bin") && e.getMessage().contains("expected"), e.getMessage());
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "this is not an ITQ file at all");
        e = assertThrows(IOException.class, () -> ItqHasher.load(junk));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ItqHasher.fit(new float[][]{{1f, 2f}}, 1, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> ItqHasher.fit(new float[][]{{1f, 2f}, {2f, 1f}}, 3, 5, 1));
        ItqHasher h = ItqHasher.fit(new float[][]{{1f, 2f}, {2f, 1f}, {0f, 0f}}, 2, 5, 1);
        assertThrows(IllegalArgumentException.class, () -> h.encode(new float[3]));
    }

    @Test
    void jacobiEigenDecomposesASymmetricMatrix() {
        Random rnd = new Random(11);
        int n = 40;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rnd.nextGaussian();
            }
        }
        SymmetricEigen.Result r = SymmetricEigen.decompose(a);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertTrue(r.values()[k] <= r.values()[k - 1]);
            }
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * r.vectors()[j][k];
                }
                assertEquals(r.values()[k] * r.vectors()[i][k], av, 1e-9);
            }
        }
    }
}
