package org.sketchfind.engine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class NpyReaderTest {

    /** Builds an NPY file of the given version with a header dict and float body. */
    static byte[] npy(int major, String dict, float[] body, int truncateBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        int pre = major == 1 ? 10 : 12;
        StringBuilder h = new StringBuilder(dict);
        while ((pre + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) hb.length);
        } else {
            len.putInt(hb.length);
        }
        out.writeBytes(len.array());
        out.writeBytes(hb);
        ByteBuffer b = ByteBuffer.allocate(body.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : body) {
            b.putFloat(f);
        }
        byte[] bytes = b.array();
        out.write(bytes, 0, bytes.length - truncateBy);
        return out.toByteArray();
    }

    @Test
    void readsV1AndV2Headers() throws IOException {
        float[] body = {1f, -2.5f, 3f, 4f, 5f, 6f};
        for (int v : new int[]{1, 2}) {
            NpyReader.NpyArray a = NpyReader.parse(
                    npy(v, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", body, 0));
            assertArrayEquals(new long[]{2, 3}, a.shape());
            assertArrayEquals(body, a.data());
            assertEquals(-2.5f, a.toINDArray().getFloat(0, 1));
            assertEquals(6f, a.toINDArray().getFloat(1, 2));
        }
        NpyReader.NpyArray vec = NpyReader.parse(
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }", body, 0));
        assertArrayEquals(new long[]{6}, vec.shape());
    }

    @Test
    void readsTheShippedReferenceInput() throws IOException {
        NpyReader.NpyArray a = NpyReader.read(TestData.path("squeezenet-reference", "test_data_set_0", "input_0.npy"));
        assertArrayEquals(new long[]{1, 3, 224, 224}, a.shape());
        assertEquals(3 * 224 * 224, a.data().length);
        // the reference inputs are uniform random values in [0, 255] (not a normalised image); their first values
        // as printed by numpy: 71.538315, 34.374847, 250.31978
        assertEquals(71.538315f, a.data()[0], 1e-5f);
        assertEquals(34.374847f, a.data()[1], 1e-5f);
        assertEquals(250.31978f, a.data()[2], 1e-4f);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float f : a.data()) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertTrue(min >= 0f && max <= 255f && max > 250f, "range " + min + ".." + max);
    }

    @Test
    void malformedFilesGiveClearErrors(@TempDir Path dir) throws IOException {
        float[] body = {1f, 2f, 3f, 4f};
        String ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }";
        assertError(dir, "bad.npy", "not an NPY file".getBytes(StandardCharsets.US_ASCII), "bad magic");
        assertError(dir, "short.npy", new byte[]{(byte) 0x93, 'N'}, "only 2 bytes");
        assertError(dir, "trunc.npy", npy(1, ok, body, 3), "truncated NPY data");
        assertError(dir, "long.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", body, 0),
                "longer than its shape");
        assertError(dir, "f8.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", body, 0),
                "unsupported dtype '<f8'");
        assertError(dir, "fortran.npy", npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", body, 0),
                "Fortran-order");
        assertError(dir, "noshape.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, }", body, 0),
                "no valid 'shape'");
        assertError(dir, "badshape.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }", body, 0),
                "bad shape dimension 'x'");
        byte[] v9 = npy(1, ok, body, 0);
        v9[6] = 9;
        assertError(dir, "v9.npy", v9, "unsupported NPY format version 9");
        byte[] hugeHeader = npy(1, ok, body, 0);
        hugeHeader[8] = (byte) 0xFF;
        hugeHeader[9] = (byte) 0x7F;
        assertError(dir, "hdr.npy", hugeHeader, "truncated NPY header");
        IOException missing = assertThrows(IOException.class, () -> NpyReader.read(dir.resolve("absent.npy")));
        assertTrue(missing.getMessage().contains("absent.npy"), missing.getMessage());
    }

    private static void assertError(Path dir, String name, byte[] bytes, String expected) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(f), name);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(expected),
                name + ": message was " + e.getMessage() + " / expected " + expected + " " + Arrays.toString(new int[0]));
    }
}
