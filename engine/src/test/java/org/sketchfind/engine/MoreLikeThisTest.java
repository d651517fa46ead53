package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Searching with something other than a drawing: a photo of the collection ("more like this"), a photo file. */
class MoreLikeThisTest {
    @TempDir
    Path tmp;

    @Test
    void aPhotosOwnCodeFindsItFirstAndAPhotoFileFindsItsCopy() throws Exception {
        List<Path> copied = PhotoCollectionTest.copyPhotos(tmp.resolve("photos"), 15);
        try (PhotoCollection c = EngineFixtures.modelFreeCollection(tmp.resolve("data"))) {
            c.addFolder(tmp.resolve("photos"), null).await();
            Hit any = c.search(PhotoCollectionTest.catDoodle(), 15).hits().get(7);
            SearchResult like = c.searchLike(any.photoId(), 5, 0);
            assertEquals(any.photoId(), like.hits().get(0).photoId(), "the photo itself comes first");
            assertEquals(0, like.hits().get(0).distance());
            assertEquals(5, like.hits().size());
            assertThrows(IllegalArgumentException.class, () -> c.searchLike(-1, 5, 0));

            Path file = copied.get(3);
            SearchResult byPhoto = c.searchPhoto(ImageIO.read(file.toFile()), 3, 0);
            assertEquals(file.toRealPath(), byPhoto.hits().get(0).path().toRealPath(),
                    "a photo file finds the collection's copy of it first");
            assertEquals(15, byPhoto.searched());
            assertEquals(PhotoCollection.DEFAULT_EXPAND, org.sketchfind.engine.code.QueryExpansion.DEFAULT_K);
            assertEquals(5, c.search(PhotoCollectionTest.catDoodle(), 5, PhotoCollection.DEFAULT_EXPAND).hits()
                    .size());
        }
    }
}
