package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirsTest {
    private final Path home = Paths.get("/home/ada");

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertEquals(Paths.get("/data/xdg/sketchfind"),
                DataDirs.resolve("Linux", Map.of("XDG_DATA_HOME", "/data/xdg"), home));
        assertEquals(home.resolve(".local/share/sketchfind"), DataDirs.resolve("Linux", Map.of(), home));
        // a relative XDG_DATA_HOME is invalid by the spec and ignored
        assertEquals(home.resolve(".local/share/sketchfind"),
                DataDirs.resolve("Linux", Map.of("XDG_DATA_HOME", "rel/dir"), home));
    }

    @Test
    void windowsUsesAppData() {
        Path appData = Paths.get("/users/ada/AppData/Roaming");
        assertEquals(appData.resolve("Sketchfind"),
                DataDirs.resolve("Windows 11", Map.of("APPDATA", appData.toString()), home));
        assertEquals(home.resolve("AppData/Roaming/Sketchfind"), DataDirs.resolve("Windows 10", Map.of(), home));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(home.resolve("Library/Application Support/Sketchfind"),
                DataDirs.resolve("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), home));
    }

    @Test
    void environmentOverrideWins() {
        assertEquals(Paths.get("/srv/sf"),
                DataDirs.resolve("Linux", Map.of(DataDirs.ENV_OVERRIDE, "/srv/sf", "XDG_DATA_HOME", "/x"), home));
    }
}
