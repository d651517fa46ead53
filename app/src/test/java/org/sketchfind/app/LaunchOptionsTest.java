package org.sketchfind.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LaunchOptionsTest {
    @Test
    void dataDirInBothFormsAndTheRestPassesThrough() {
        LaunchOptions a = LaunchOptions.parse(new String[]{"--data-dir", "/tmp/x", "--other"});
        assertEquals("/tmp/x", a.dataDir());
        assertEquals(List.of("--other"), a.rest());
        assertFalse(a.help());
        assertEquals("/srv/y", LaunchOptions.parse(new String[]{"--data-dir=/srv/y"}).dataDir());
        assertNull(LaunchOptions.parse(new String[0]).dataDir());
        assertTrue(LaunchOptions.parse(new String[]{"--help"}).help());
        assertFalse(a.demo());
        assertTrue(LaunchOptions.parse(new String[]{"--demo", "--data-dir", "/d"}).demo());
        assertTrue(LaunchOptions.USAGE.contains("--demo"));
    }

    @Test
    void missingFolderIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(new String[]{"--data-dir"}));
        assertEquals("--data-dir needs a folder", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[]{"--data-dir="}));
    }
}
