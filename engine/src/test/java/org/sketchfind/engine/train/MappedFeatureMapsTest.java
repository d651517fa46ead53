package org.sketchfind.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.features.MappedFeatureMaps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedFeatureMapsTest {
    @Test
    void roundTripsRealDerivedMapsAndRefusesBadFiles(@TempDir Path dir) throws IOException {
        TrainingData data = SketchyTestFeatures.load(1);
        FeatureMaps src = data.photoMaps();
        Path f = dir.resolve("photos.fmaps");
        try (MappedFeatureMaps.Writer w = new MappedFeatureMaps.Writer(f, src.size(), src.channels(), src.height(),
                src.width())) {
            float[] buf = new float[src.mapLength()];
            for (int i = 0; i < src.size(); i++) {
                src.copyTo(i, buf, 0);
                w.add(buf);
            }
        }
        try (MappedFeatureMaps m = MappedFeatureMaps.open(f)) {
            assertEquals(src.size(), m.size());
            assertEquals(src.channels(), m.channels());
            float[] a = new float[src.mapLength() + 3];
            float[] b = new float[src.mapLength() + 3];
            for (int i = 0; i < src.size(); i++) {
                src.copyTo(i, a, 3);
                m.copyTo(i, b, 3);
                assertArrayEquals(a, b, "item " + i);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> m.copyTo(src.size(), b, 0));
        }

        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.fmaps");
        Files.write(cut, Arrays.copyOf(all, all.length - 4));
        IOException e = assertThrows(IOException.class, () -> MappedFeatureMaps.open(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path junk = dir.resolve("junk.fmaps");
        Files.write(junk, "0123456789abcdefghijklmnopqrstuvwxyz".getBytes());
        assertTrue(assertThrows(IOException.class, () -> MappedFeatureMaps.open(junk)).getMessage()
                .contains("bad magic"));

        Path partial = dir.resolve("partial.fmaps");
        assertThrows(IOException.class, () -> {
            try (MappedFeatureMaps.Writer w = new MappedFeatureMaps.Writer(partial, 3, 1, 1, 2)) {
                w.add(new float[]{1, 2});
            }
        });
        assertFalse(Files.exists(partial), "an incomplete cache is never left in place");
    }
}
