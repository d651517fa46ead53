package org.sketchfind.engine.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueTest {
    @TempDir
    Path tmp;

    @Test
    void createsVersionedSchemaInWalModeWithForeignKeys() throws Exception {
        try (Catalogue c = Catalogue.open(tmp.resolve("data"))) {
            assertTrue(Files.isRegularFile(c.databaseFile()));
            assertTrue(Files.isDirectory(c.thumbnailsDir()));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalogue.db"));
             Statement s = db.createStatement()) {
            assertEquals(Catalogue.SCHEMA_VERSION, one(s, "PRAGMA user_version"));
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            for (String t : List.of("folders", "photos", "codes", "models", "scan_problems", "settings")) {
                assertEquals(1, one(s, "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='" + t + "'"), t);
            }
        }
        // reopening keeps the data and does not re-create anything
        try (Catalogue c = Catalogue.open(tmp.resolve("data"))) {
            c.addFolder(tmp.resolve("photos"));
        }
        try (Catalogue c = Catalogue.open(tmp.resolve("data"))) {
            assertEquals(1, c.folders().size());
            assertEquals(tmp.resolve("photos").toAbsolutePath().normalize(), c.folders().get(0).path());
            assertEquals("pending", c.folders().get(0).scanState());
        }
    }

    /**
     * A version-1 catalogue (codes without the outputs column) is upgraded in place: the column is added, every code is
     * kept, and photos read back without outputs; codes written afterwards keep theirs.
     */
    @Test
    void upgradesAVersion1CatalogueKeepingItsCodes() throws Exception {
        Path a = tmp.resolve("photos/a.jpg");
        Path b = tmp.resolve("photos/b.jpg");
        long[] code = {0x0123456789abcdefL};
        try (Catalogue c = Catalogue.open(tmp.resolve("data"))) {
            long fid = c.addFolder(tmp.resolve("photos")).id();
            c.writeBatch(List.of(new Catalogue.Upsert(a, fid, 10, 1, "aa11", 4, 3, 1, null, "aa/aa11.jpg", "m", 64,
                    code)));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalogue.db"));
             Statement s = db.createStatement()) {
            s.execute("ALTER TABLE codes DROP COLUMN outputs");
            s.execute("PRAGMA user_version = 1");
        }
        byte[] outputs = new byte[64];
        outputs[3] = -100;
        outputs[60] = 127;
        try (Catalogue c = Catalogue.open(tmp.resolve("data"))) {
            List<Catalogue.StoredCode> stored = c.codes("m");
            assertEquals(1, stored.size());
            assertArrayEquals(code, stored.get(0).code());
            assertEquals(null, stored.get(0).outputs());
            assertEquals(1, c.photoIdsWithCode("m").size());
            assertEquals(0, c.photoIdsWithCode("m", true).size(), "no outputs yet: the next scan encodes it again");
            assertTrue(c.hasCodesWithoutOutputs("m"));
            long fid = c.folders().get(0).id();
            c.writeBatch(List.of(new Catalogue.Upsert(b, fid, 10, 1, "bb22", 4, 3, 1, null, "bb/bb22.jpg", "m", 64,
                    code, outputs)));
            assertArrayEquals(outputs, c.codes("m").get(1).outputs());
            assertEquals(1, c.photoIdsWithCode("m", true).size());
            assertTrue(c.hasCodesWithoutOutputs("m"), "the upgraded photo still has none");
            c.writeBatch(List.of(new Catalogue.Upsert(a, fid, 10, 1, "aa11", 4, 3, 1, null, "aa/aa11.jpg", "m", 64,
                    code, outputs)));
            assertFalse(c.hasCodesWithoutOutputs("m"), "every code has outputs now");
            assertThrows(IllegalArgumentException.class, () -> c.writeBatch(List.of(new Catalogue.Upsert(a, fid, 10, 1, "aa11", 4,
                    3, 1, null, "aa/aa11.jpg", "m", 64, code, new byte[8]))), "outputs must have one byte per bit");
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalogue.db"));
             Statement s = db.createStatement()) {
            assertEquals(2, one(s, "PRAGMA user_version"));
        }
    }

    @Test
    void refusesANewerSchemaWithAClearMessage() throws Exception {
        try (Catalogue c = Catalogue.open(tmp)) {
            c.addFolder(tmp.resolve("x"));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("catalogue.db"));
             Statement s = db.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        IOException e = assertThrows(IOException.class, () -> Catalogue.open(tmp));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void aBatchCommitsWhollyOrNotAtAll() throws IOException {
        try (Catalogue c = Catalogue.open(tmp)) {
            long fid = c.addFolder(tmp.resolve("photos")).id();
            Path a = tmp.resolve("photos/a.jpg");
            Path b = tmp.resolve("photos/b.jpg");
            Catalogue.Upsert good = new Catalogue.Upsert(a, fid, 10, 1, "aa11", 4, 3, 1, null, "aa/aa11.jpg",
                    "m", 64, new long[] {42L});
            // second write has a 2-word code for 64 bits: rejected, and the first must roll back with it
            Catalogue.Upsert bad = new Catalogue.Upsert(b, fid, 10, 1, "bb22", 4, 3, 1, null, "bb/bb22.jpg",
                    "m", 64, new long[] {1L, 2L});
            assertThrows(RuntimeException.class, () -> c.writeBatch(List.of(good, bad)));
            assertEquals(0, c.photos().size());
            assertEquals(0, c.queryLong("SELECT COUNT(*) FROM codes"));

            c.writeBatch(List.of(good));
            assertEquals(1, c.photos().size());
            assertArrayEquals(new long[] {42L}, c.codes("m").get(0).code());
            // same path again: updated in place, never duplicated (UNIQUE path)
            c.writeBatch(List.of(new Catalogue.Upsert(a, fid, 11, 2, "cc33", 4, 3, 1, null, "cc/cc33.jpg", "m", 64,
                    new long[] {7L})));
            assertEquals(1, c.photos().size());
            assertEquals("cc33", c.photos().get(0).sha256());
            assertArrayEquals(new long[] {7L}, c.codes("m").get(0).code());
            // a model id is bound to its bit length
            assertThrows(IOException.class, () -> c.writeBatch(List.of(new Catalogue.AddCode(
                    c.photos().get(0).id(), "m", 128, new long[] {1L, 2L}, null))));
            assertEquals("ok", c.integrityCheck());
        }
    }

    @Test
    void schemaRejectsHalfRowsAndOrphanCodes() throws Exception {
        try (Catalogue c = Catalogue.open(tmp)) {
            c.addFolder(tmp.resolve("photos"));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("catalogue.db"));
             Statement s = db.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            // an 'ok' row without its content hash and size
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO photos(folder_id, path, size, mtime,"
                    + " status, indexed_at) SELECT id, '/x.jpg', 1, 1, 'ok', 0 FROM folders"));
            // a skipped row without its reason
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO photos(folder_id, path, size, mtime,"
                    + " status, indexed_at) SELECT id, '/y.jpg', 1, 1, 'skipped', 0 FROM folders"));
            // a code for no photo
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO codes(photo_id, model_id, bits, code)"
                    + " VALUES (12345, 'nomodel', 64, x'00')"));
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
