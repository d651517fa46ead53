package org.sketchfind.app.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.app.AppFixtures;
import org.sketchfind.engine.index.CatalogueService;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DemoCollectionTest {
    @TempDir
    Path tmp;

    @Test
    void offeredOnceOnAnEmptyCatalogueAndOnlyWhenTheFolderExists() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        try (CatalogueService s = AppFixtures.openCatalogue(tmp.resolve("data"))) {
            assertNull(DemoCollection.folderToRegister(s, root), "no demo folder shipped: nothing");
            assertNull(DemoCollection.folderToRegister(s, null), "unknown root: nothing");
            Path demo = Files.createDirectories(root.resolve(DemoCollection.FOLDER));
            AppFixtures.copyPhotos(demo, 2);
            assertEquals(demo, DemoCollection.folderToRegister(s, root), "appears later: offered then");
            assertNull(DemoCollection.folderToRegister(s, root), "offered only once");
        }
    }

    @Test
    void neverAddedToACollectionThatHasFolders() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(root.resolve(DemoCollection.FOLDER));
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        try (CatalogueService s = AppFixtures.openCatalogue(tmp.resolve("data"))) {
            s.catalogue().addFolder(mine);
            assertNull(DemoCollection.folderToRegister(s, root));
            s.catalogue().removeFolder(mine);
            assertNull(DemoCollection.folderToRegister(s, root), "the user had a collection: not later either");
        }
    }
}
