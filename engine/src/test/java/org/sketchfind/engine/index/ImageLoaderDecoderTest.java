package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageLoaderDecoderTest {
    private final ImageLoaderDecoder decoder = new ImageLoaderDecoder();

    @Test
    void decodesARealPhotoWithItsDeclaredSize() throws IOException {
        Path photo = PhotoFixtures.sources().get(0);
        DecodedImage d = decoder.decode(photo);
        assertEquals(d.image().getWidth(), d.width());
        assertEquals(d.image().getHeight(), d.height());
        assertTrue(d.width() > 16 && d.height() > 16);
        assertEquals(1, d.orientation());
        assertTrue(d.oriented(), "the loader applies the EXIF orientation");
    }

    @Test
    void refusesHugeDeclaredDimensionsBeforeDecoding(@TempDir Path tmp) throws IOException {
        Path bomb = tmp.resolve("bomb.png");
        Files.write(bomb, PhotoFixtures.hugeDeclaredPng(100_000, 100_000));
        IOException e = assertThrows(IOException.class, () -> decoder.decode(bomb));
        assertTrue(e.getMessage().contains("over the limit") && e.getMessage().contains("100000x100000"), e.getMessage());
    }

    @Test
    void namesTheCauseOfEachBadFile(@TempDir Path tmp) throws IOException {
        Path zero = Files.createFile(tmp.resolve("zero.jpg"));
        assertTrue(assertThrows(IOException.class, () -> decoder.decode(zero)).getMessage().contains("empty"));

        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image at all");
        assertTrue(assertThrows(IOException.class, () -> decoder.decode(text)).getMessage()
                .contains("unsupported image format"));

        byte[] jpg = Files.readAllBytes(PhotoFixtures.sources().get(1));
        Path truncated = Files.write(tmp.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        String msg = assertThrows(IOException.class, () -> decoder.decode(truncated)).getMessage();
        assertTrue(msg.contains("truncated") || msg.contains("corrupt"), msg);

        byte[] garbage = jpg.clone();
        for (int i = 700; i < garbage.length; i += 3) {
            garbage[i] = (byte) (i * 31);
        }
        Path corrupt = Files.write(tmp.resolve("corrupt.jpg"), garbage);
        // a JPEG with its entropy-coded data scrambled either fails or decodes to noise; it must never crash
        try {
            decoder.decode(corrupt);
        } catch (IOException expected) {
            assertFalse(expected.getMessage().isBlank());
        }
    }
}
