package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Drawings saved and opened as Quick, Draw! ndjson, with their recorded timing, and readable by every reader. */
class RecordedSketchTest {
    @TempDir
    Path tmp;

    @Test
    void rawDrawingsKeepTheirTimingAndRoundTrip() throws Exception {
        List<RecordedSketch> raw = RecordedSketch.read(TestData.path("quickdraw", "raw", "cat.ndjson"), 3);
        assertFalse(raw.isEmpty());
        RecordedSketch first = raw.get(0);
        assertEquals("cat", first.word());
        assertTrue(first.timed(), "the raw format records when each point was drawn");
        assertTrue(first.durationMillis() > 100, "a drawing takes time: " + first.durationMillis());

        Path saved = tmp.resolve("mine.ndjson");
        RecordedSketch.write(saved, List.of(first));
        RecordedSketch back = RecordedSketch.read(saved, 10).get(0);
        assertEquals(first.word(), back.word());
        assertEquals(first.sketch().strokes().size(), back.sketch().strokes().size());
        for (int i = 0; i < first.sketch().strokes().size(); i++) {
            assertArrayEquals(first.sketch().strokes().get(i).xs(), back.sketch().strokes().get(i).xs(), 0.01f);
            assertArrayEquals(first.times().get(i), back.times().get(i), 0.5f);
        }
        assertTrue(QueryImage.read(saved).drawing(), "search --ndjson reads what the app saves");

        List<RecordedSketch> simplified = RecordedSketch.read(TestData.path("quickdraw", "simplified", "cat.ndjson"),
                1);
        assertFalse(simplified.get(0).timed());
        assertEquals(0, simplified.get(0).durationMillis());
        RecordedSketch.write(tmp.resolve("untimed.ndjson"), simplified);
        assertFalse(RecordedSketch.read(tmp.resolve("untimed.ndjson"), 1).get(0).timed());

        assertThrows(java.io.IOException.class, () -> RecordedSketch.read(tmp.resolve("absent.ndjson"), 1));
        List<float[]> oneTooMany = new java.util.ArrayList<>(first.times());
        oneTooMany.add(new float[1]);
        assertThrows(IllegalArgumentException.class, () -> new RecordedSketch("x", first.sketch(), oneTooMany),
                "one time array per stroke");
        assertEquals(Sketch.rasterSize(), first.sketch().raster().getWidth());
    }
}
