package org.sketchfind.app.demo;

import org.sketchfind.engine.index.CatalogueService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo photo collection shipped in the repository ({@code assets/demo-photos}): registered once, on the first
 * start with an empty catalogue (or the first start after the folder appears), so a fresh install has something to search. Remembered in the catalogue's
 * settings, so a user who removes it does not get it back.
 */
public final class DemoCollection {
    static final String SETTING = "app.demo-collection-offered";
    public static final String FOLDER = "assets/demo-photos";

    private DemoCollection() {
    }

    /** The folder to register now, or null (not the first start, catalogue not empty, or no demo folder). Blocks on
     * the catalogue: call off the FX thread. */
    public static Path folderToRegister(CatalogueService service, Path repoRoot) throws IOException {
        if (service.catalogue().setting(SETTING) != null) {
            return null;
        }
        if (!service.catalogue().folders().isEmpty()) {
            service.catalogue().setSetting(SETTING, "true"); // the user has a collection: never add the demo
            return null;
        }
        Path demo = repoRoot == null ? null : repoRoot.resolve(FOLDER);
        if (demo == null || !Files.isDirectory(demo)) {
            return null; // not shipped (yet): try again at the next start
        }
        service.catalogue().setSetting(SETTING, "true");
        return demo;
    }
}
