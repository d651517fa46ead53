package org.sketchfind.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesktopCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingGtk3IsOneLineThatSaysWhatToInstall() {
        Optional<String> p = DesktopCheck.problem("Linux", Map.of("DISPLAY", ":0"), lib -> false);
        assertTrue(p.isPresent());
        assertTrue(p.get().contains("libgtk-3.so.0") && p.get().contains("sudo apt-get install libgtk-3-0"), p.get());
        assertEquals(1, p.get().lines().count(), "one line");
    }

    @Test
    void noDisplayIsSaidBeforeGtk() {
        Optional<String> p = DesktopCheck.problem("Linux", Map.of(), lib -> false);
        assertTrue(p.orElseThrow().contains("DISPLAY is not set"), p.toString());
        assertTrue(DesktopCheck.problem("Linux", Map.of("DISPLAY", " "), lib -> true).isPresent());
    }

    @Test
    void aLinuxDesktopWithGtk3AndOtherSystemsPass() {
        assertEquals(Optional.empty(), DesktopCheck.problem("Linux", Map.of("DISPLAY", ":1"),
                DesktopCheck.GTK3::equals));
        assertEquals(Optional.empty(), DesktopCheck.problem("Windows 11", Map.of(), lib -> false));
        assertEquals(Optional.empty(), DesktopCheck.problem("Mac OS X", Map.of(), lib -> false));
    }

    @Test
    void theLinkerCacheIsReadForTheLibrarysName() throws IOException {
        Path cache = tmp.resolve("ld.so.cache");
        Files.write(cache, ("glibc-ld.so.cache1.1\0libgtk-3.so.0\0/usr/lib/x86_64-linux-gnu/libgtk-3.so.0\0")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(DesktopCheck.cacheMentions(cache, "libgtk-3.so.0"));
        assertFalse(DesktopCheck.cacheMentions(cache, "libgtk-3.so"), "the whole name, not a prefix");
        assertFalse(DesktopCheck.cacheMentions(tmp.resolve("none"), "libgtk-3.so.0"));
    }

    @Test
    void theRealLookupFindsTheCLibraryOnLinux() {
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            assertTrue(DesktopCheck.libraryPresent("libc.so.6"));
            assertFalse(DesktopCheck.libraryPresent("libno-such-library-sketchfind.so.9"));
        }
    }
}
