package org.sketchfind.engine.index;

import org.sketchfind.engine.code.Codes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The photo catalogue: one SQLite database ({@value #DB_FILE}, WAL journal, foreign keys on, synchronous=FULL) and a
 * thumbnail folder ({@value #THUMBNAILS}) inside the per-user data folder ({@link DataDirs}). Nothing is ever
 * written into the photo folders themselves.
 *
 * <p>Schema (version {@value #SCHEMA_VERSION}, kept in {@code PRAGMA user_version}):
 * <ul>
 *   <li>{@code folders(id, path UNIQUE, added_at, scan_state pending|scanning|complete, scan_started_at,
 *       scan_finished_at)} — a folder is registered before its first scan starts;</li>
 *   <li>{@code photos(id, folder_id → folders ON DELETE CASCADE, path UNIQUE, size, mtime, sha256, width, height,
 *       orientation, exif_date, thumbnail, status ok|skipped, skip_reason, indexed_at)} — a CHECK makes an
 *       {@code ok} row carry its hash and size and a {@code skipped} row its reason;</li>
 *   <li>{@code models(id, bits, first_used_at)};</li>
 *   <li>{@code codes(photo_id → photos ON DELETE CASCADE, model_id → models, bits, code BLOB, outputs BLOB)},
 *       primary key (photo_id, model_id): one code per photo per model, little-endian 64-bit words, never mixed
 *       across models; {@code outputs} (version 2, nullable) holds the image encoder's real-valued outputs, one signed
 *       byte per bit ({@link org.sketchfind.engine.code.CosineScore#quantize}), for models that have them;</li>
 *   <li>{@code scan_problems(path, folder_id, cause)} — folders or entries the last walk could not read;</li>
 *   <li>{@code settings(key, value)}.</li>
 * </ul>
 * Version 1 catalogues (no {@code outputs}) are upgraded in place when opened: the column is added, every code is kept,
 * and the next scan gives their photos outputs.
 * Every write the indexer makes for one batch goes through {@link #writeBatch} in one transaction, so a kill at
 * any moment leaves either the whole batch or none of it. Thread-safe (one connection, synchronized).
 */
public final class Catalogue implements AutoCloseable {
    public static final int SCHEMA_VERSION = 2;
    public static final String DB_FILE = "catalogue.db";
    public static final String THUMBNAILS = "thumbnails";

    /** A registered folder. */
    public record Folder(long id, Path path, String scanState, Instant scanStartedAt, Instant scanFinishedAt) {
        public boolean scanComplete() {
            return "complete".equals(scanState);
        }
    }

    /** One catalogued file. {@code thumbnail} is relative to {@link #thumbnailsDir()}; null for a skipped file. */
    public record Photo(long id, long folderId, Path path, long size, long mtimeMillis, String sha256, int width,
                        int height, int orientation, Instant exifDate, String thumbnail, boolean ok,
                        String skipReason) {
    }

    /** A file (or folder) that could not be catalogued, and why. */
    public record Skipped(String file, String cause) {
    }

    /** Photos whose codes a committed batch changed: {@code coded} gained or replaced a code (of the batch's
     * model), {@code uncoded} lost all codes (deleted, or now skipped). For keeping an in-memory index current. */
    public record CodesChanged(Set<Long> coded, Set<Long> uncoded) {
    }

    /** A photo's code for one model, and its encoder's real-valued outputs where stored (else null). */
    public record StoredCode(long photoId, Path path, long[] code, byte[] outputs) {
    }

    /** What is known about one content hash: image facts, thumbnail and (if any) its code and outputs for a model. */
    record Content(int width, int height, int orientation, Instant exifDate, String thumbnail, long[] code,
                   byte[] outputs) {
    }

    /** Totals for {@code index status}. {@code photos}: files catalogued as images; {@code encoded}: those with a
     * code of the given model. */
    public record Status(String model, int bits, long photos, long encoded, List<Skipped> skipped,
                         List<Folder> folders) {
    }

    private final Path dataDir;
    private final Path thumbnailsDir;
    private final Connection db;

    private Catalogue(Path dataDir, Connection db) {
        this.dataDir = dataDir;
        this.thumbnailsDir = dataDir.resolve(THUMBNAILS);
        this.db = db;
    }

    /** Opens (creating if needed) the catalogue in {@code dataDir}. */
    public static Catalogue open(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir.resolve(THUMBNAILS));
        Connection c;
        try {
            // BEGIN IMMEDIATE: a batch takes the write lock up front, so two processes on one catalogue (the app
            // and the command line) serialise their batches instead of failing on a stale read snapshot
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(10_000);
            c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DB_FILE), config.toProperties());
        } catch (SQLException e) {
            throw new IOException("cannot open catalogue " + dir.resolve(DB_FILE) + ": " + e.getMessage(), e);
        }
        Catalogue cat = new Catalogue(dir, c);
        try {
            cat.init();
        } catch (SQLException e) {
            cat.close();
            throw new IOException("cannot open catalogue " + dir.resolve(DB_FILE) + ": " + e.getMessage(), e);
        }
        return cat;
    }

    private void init() throws SQLException, IOException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new IOException("catalogue " + dataDir.resolve(DB_FILE) + " has schema version " + version
                        + ", newer than this Sketchfind understands (" + SCHEMA_VERSION + ")");
            }
            if (version < 1) {
                inTransaction(() -> {
                    // another process may have created it since we looked (the app and the command line starting
                    // at once on a new data folder): look again under the write lock
                    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                        if (rs.next() && rs.getInt(1) >= 1) {
                            return null;
                        }
                    }
                    s.execute("CREATE TABLE folders(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
                            + " added_at INTEGER NOT NULL, scan_state TEXT NOT NULL DEFAULT 'pending'"
                            + " CHECK(scan_state IN ('pending','scanning','complete')),"
                            + " scan_started_at INTEGER, scan_finished_at INTEGER)");
                    s.execute("CREATE TABLE models(id TEXT PRIMARY KEY, bits INTEGER NOT NULL CHECK(bits > 0),"
                            + " first_used_at INTEGER NOT NULL)");
                    s.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY,"
                            + " folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,"
                            + " path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, mtime INTEGER NOT NULL,"
                            + " sha256 TEXT, width INTEGER, height INTEGER, orientation INTEGER, exif_date INTEGER,"
                            + " thumbnail TEXT, status TEXT NOT NULL CHECK(status IN ('ok','skipped')),"
                            + " skip_reason TEXT, indexed_at INTEGER NOT NULL,"
                            + " CHECK((status = 'ok' AND sha256 IS NOT NULL AND width IS NOT NULL"
                            + "        AND height IS NOT NULL AND skip_reason IS NULL)"
                            + "    OR (status = 'skipped' AND skip_reason IS NOT NULL)))");
                    s.execute("CREATE INDEX photos_sha256 ON photos(sha256)");
                    s.execute("CREATE INDEX photos_folder ON photos(folder_id)");
                    s.execute("CREATE TABLE codes("
                            + " photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,"
                            + " model_id TEXT NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
                            + " bits INTEGER NOT NULL, code BLOB NOT NULL, outputs BLOB,"
                            + " PRIMARY KEY(photo_id, model_id)) WITHOUT ROWID");
                    s.execute("CREATE INDEX codes_model ON codes(model_id)");
                    s.execute("CREATE TABLE scan_problems(path TEXT PRIMARY KEY,"
                            + " folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,"
                            + " cause TEXT NOT NULL, seen_at INTEGER NOT NULL)");
                    s.execute("CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                    s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                    return null;
                });
            } else if (version < 2) {
                inTransaction(() -> {
                    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                        if (rs.next() && rs.getInt(1) >= 2) {
                            return null; // another process upgraded it since we looked
                        }
                    }
                    s.execute("ALTER TABLE codes ADD COLUMN outputs BLOB");
                    s.execute("PRAGMA user_version = 2");
                    return null;
                });
            }
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path thumbnailsDir() {
        return thumbnailsDir;
    }

    public Path databaseFile() {
        return dataDir.resolve(DB_FILE);
    }

    /** Absolute path of a photo's cached thumbnail, or null if it has none. */
    public Path thumbnailFile(Photo photo) {
        return photo.thumbnail() == null ? null : thumbnailsDir.resolve(photo.thumbnail());
    }

    // ---------------------------------------------------------------------------------------------- folders

    /** Canonical form in which folder and photo paths are stored: absolute and normalised (links not resolved). */
    public static Path canonical(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Registers a folder (idempotent) before any scan of it, committed at once. */
    public synchronized Folder addFolder(Path folder) throws IOException {
        Path p = canonical(folder);
        try {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO folders(path, added_at) VALUES (?, ?) ON CONFLICT(path) DO NOTHING")) {
                ps.setString(1, p.toString());
                ps.setLong(2, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return folder(p).orElseThrow();
        } catch (SQLException e) {
            throw io("register folder " + p, e);
        }
    }

    /** Unregisters a folder and forgets its photos (their codes go with them; the files are untouched). */
    public synchronized boolean removeFolder(Path folder) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM folders WHERE path = ?")) {
            ps.setString(1, canonical(folder).toString());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw io("remove folder " + folder, e);
        }
    }

    public synchronized Optional<Folder> folder(Path folder) throws IOException {
        for (Folder f : folders()) {
            if (f.path().equals(canonical(folder))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Folder> folders() throws IOException {
        List<Folder> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, path, scan_state, scan_started_at, scan_finished_at FROM folders ORDER BY path")) {
            while (rs.next()) {
                out.add(new Folder(rs.getLong(1), Paths.get(rs.getString(2)), rs.getString(3), instant(rs, 4),
                        instant(rs, 5)));
            }
            return out;
        } catch (SQLException e) {
            throw io("list folders", e);
        }
    }

    synchronized void markScanStarted(Collection<Long> folderIds) throws IOException {
        updateFolders(folderIds, "UPDATE folders SET scan_state = 'scanning', scan_started_at = ? WHERE id = ?");
    }

    synchronized void markScanComplete(Collection<Long> folderIds) throws IOException {
        updateFolders(folderIds, "UPDATE folders SET scan_state = 'complete', scan_finished_at = ? WHERE id = ?");
    }

    private void updateFolders(Collection<Long> ids, String sql) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw io("update folder state", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** The columns {@link #photoRow} reads, in its order. */
    private static final String PHOTO_COLUMNS = "SELECT id, folder_id, path, size, mtime, sha256, width, height,"
            + " orientation, exif_date, thumbnail, status, skip_reason FROM photos";

    private static Photo photoRow(ResultSet rs) throws SQLException {
        return new Photo(rs.getLong(1), rs.getLong(2), Paths.get(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), instant(rs, 10), rs.getString(11),
                "ok".equals(rs.getString(12)), rs.getString(13));
    }

    /** Every catalogued file, ok and skipped, ordered by id. */
    public synchronized List<Photo> photos() throws IOException {
        List<Photo> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                PHOTO_COLUMNS + " ORDER BY id")) {
            while (rs.next()) {
                out.add(photoRow(rs));
            }
            return out;
        } catch (SQLException e) {
            throw io("list photos", e);
        }
    }

    /** One row by id (e.g. a search hit), if it still exists. */
    public synchronized Optional<Photo> photo(long id) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(
                PHOTO_COLUMNS + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(photoRow(rs));
            }
        } catch (SQLException e) {
            throw io("read photo " + id, e);
        }
    }

    /** Every catalogued file by its stored path. */
    public synchronized Map<Path, Photo> photosByPath() throws IOException {
        Map<Path, Photo> m = new HashMap<>();
        for (Photo p : photos()) {
            m.put(p.path(), p);
        }
        return m;
    }

    /** Ids of photos that have a code for {@code modelId}. */
    public synchronized Set<Long> photoIdsWithCode(String modelId) throws IOException {
        return photoIdsWithCode(modelId, false);
    }

    /** Ids of photos that have a code for {@code modelId}, and stored outputs too where {@code withOutputs}. */
    public synchronized Set<Long> photoIdsWithCode(String modelId, boolean withOutputs) throws IOException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT photo_id FROM codes WHERE model_id = ?"
                + (withOutputs ? " AND outputs IS NOT NULL" : ""))) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw io("list codes", e);
        }
    }

    /** Whether some photo has a code of {@code modelId} but no stored outputs (one query, for the app's start). */
    public synchronized boolean hasCodesWithoutOutputs(String modelId) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT EXISTS(SELECT 1 FROM codes WHERE model_id = ? AND outputs IS NULL)")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw io("look for codes without outputs", e);
        }
    }

    /** All codes of one model (with the photos' paths), ordered by photo id: what a Hamming index is built from. */
    public synchronized List<StoredCode> codes(String modelId) throws IOException {
        List<StoredCode> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT c.photo_id, p.path, c.code, c.outputs FROM codes c"
                + " JOIN photos p ON p.id = c.photo_id WHERE c.model_id = ? AND p.status = 'ok' ORDER BY c.photo_id")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredCode(rs.getLong(1), Paths.get(rs.getString(2)), decode(rs.getBytes(3)),
                            rs.getBytes(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw io("read codes", e);
        }
    }

    /** What the catalogue knows about content {@code sha256} (from any ok row holding it), preferring a row that
     * has a code of {@code modelId}. */
    synchronized Optional<Content> content(String sha256, String modelId) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("SELECT p.width, p.height, p.orientation, p.exif_date,"
                + " p.thumbnail, c.code, c.outputs FROM photos p LEFT JOIN codes c ON c.photo_id = p.id"
                + " AND c.model_id = ? WHERE p.sha256 = ? AND p.status = 'ok'"
                + " ORDER BY c.code IS NULL, c.outputs IS NULL LIMIT 1")) {
            ps.setString(1, modelId);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] code = rs.getBytes(6);
                return Optional.of(new Content(rs.getInt(1), rs.getInt(2), rs.getInt(3), instant(rs, 4),
                        rs.getString(5), code == null ? null : decode(code), rs.getBytes(7)));
            }
        } catch (SQLException e) {
            throw io("look up content", e);
        }
    }

    /** Thumbnail names referenced by any row. */
    synchronized Set<String> referencedThumbnails() throws IOException {
        Set<String> names = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT thumbnail FROM photos WHERE thumbnail IS NOT NULL")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw io("list thumbnails", e);
        }
    }

    /** Totals and the skipped list for {@code index status}. */
    public synchronized Status status(String modelId, int bits) throws IOException {
        try {
            long photos;
            long encoded;
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM photos WHERE status = 'ok'")) {
                photos = rs.next() ? rs.getLong(1) : 0;
            }
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM codes c JOIN photos p"
                    + " ON p.id = c.photo_id WHERE c.model_id = ? AND p.status = 'ok'")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    encoded = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new Status(modelId, bits, photos, encoded, skipped(), folders());
        } catch (SQLException e) {
            throw io("read status", e);
        }
    }

    /** Skipped files and unreadable folders, by path. */
    public synchronized List<Skipped> skipped() throws IOException {
        List<Skipped> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT path, skip_reason FROM photos WHERE status = 'skipped'"
                        + " UNION ALL SELECT path, cause FROM scan_problems ORDER BY 1")) {
            while (rs.next()) {
                out.add(new Skipped(rs.getString(1), rs.getString(2)));
            }
            return out;
        } catch (SQLException e) {
            throw io("list skipped files", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- writes

    /** One change the indexer makes; all changes of a batch commit together. */
    sealed interface Write permits Upsert, Skip, Touch, Move, AddCode {
    }

    /** A new or changed image with its code: insert or update the row at {@code path}, status ok. If the stored
     * content hash differs, codes of every model are dropped first (they described the old content). */
    record Upsert(Path path, long folderId, long size, long mtime, String sha256, int width, int height,
                  int orientation, Instant exifDate, String thumbnail, String modelId, int bits, long[] code,
                  byte[] outputs) implements Write {
        /** Without outputs (a model that has none). */
        Upsert(Path path, long folderId, long size, long mtime, String sha256, int width, int height,
               int orientation, Instant exifDate, String thumbnail, String modelId, int bits, long[] code) {
            this(path, folderId, size, mtime, sha256, width, height, orientation, exifDate, thumbnail, modelId, bits,
                    code, null);
        }
    }

    /** A file that cannot be catalogued as an image: row at {@code path} becomes skipped, its codes dropped. */
    record Skip(Path path, long folderId, long size, long mtime, String sha256, String reason) implements Write {
    }

    /** Same content, new size/mtime stamp. */
    record Touch(long photoId, long size, long mtime) implements Write {
    }

    /** Renamed or moved file (same content): the row keeps its id, codes and thumbnail. */
    record Move(long photoId, Path newPath, long folderId, long size, long mtime) implements Write {
    }

    /** A code for another model (or a regenerated thumbnail) for an unchanged row. */
    record AddCode(long photoId, String modelId, int bits, long[] code, byte[] outputs, String thumbnail)
            implements Write {
        /** Without outputs (a model that has none). */
        AddCode(long photoId, String modelId, int bits, long[] code, String thumbnail) {
            this(photoId, modelId, bits, code, null, thumbnail);
        }
    }

    /** Applies {@code writes} in order in ONE transaction; on any failure nothing of the batch is kept. Returns the
     * ids of photos that gained or changed a code, and of those that lost their codes (now skipped). */
    synchronized CodesChanged writeBatch(List<? extends Write> writes) throws IOException {
        try {
            return inTransaction(() -> {
                Set<String> modelsSeen = new HashSet<>();
                Set<Long> coded = new java.util.LinkedHashSet<>();
                Set<Long> uncoded = new java.util.LinkedHashSet<>();
                for (Write w : writes) {
                    apply(w, modelsSeen, coded, uncoded);
                }
                uncoded.removeAll(coded);
                return new CodesChanged(coded, uncoded);
            });
        } catch (SQLException e) {
            throw io("write batch", e);
        }
    }

    private void apply(Write w, Set<String> modelsSeen, Set<Long> coded, Set<Long> uncoded) throws SQLException {
        long now = System.currentTimeMillis();
        if (w instanceof Upsert u) {
            ensureModel(u.modelId(), u.bits(), modelsSeen);
            Long id = null;
            String oldSha = null;
            try (PreparedStatement ps = db.prepareStatement("SELECT id, sha256 FROM photos WHERE path = ?")) {
                ps.setString(1, u.path().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        oldSha = rs.getString(2);
                    }
                }
            }
            if (id == null) {
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO photos(folder_id, path, size, mtime,"
                        + " sha256, width, height, orientation, exif_date, thumbnail, status, skip_reason,"
                        + " indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,'ok',NULL,?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setLong(1, u.folderId());
                    ps.setString(2, u.path().toString());
                    fillContent(ps, 3, u, now);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
            } else {
                if (!u.sha256().equals(oldSha)) {
                    deleteCodes(id);
                }
                try (PreparedStatement ps = db.prepareStatement("UPDATE photos SET size = ?, mtime = ?, sha256 = ?,"
                        + " width = ?, height = ?, orientation = ?, exif_date = ?, thumbnail = ?, status = 'ok',"
                        + " skip_reason = NULL, indexed_at = ?, folder_id = ? WHERE id = ?")) {
                    fillContent(ps, 1, u, now);
                    ps.setLong(10, u.folderId());
                    ps.setLong(11, id);
                    ps.executeUpdate();
                }
            }
            putCode(id, u.modelId(), u.bits(), u.code(), u.outputs());
            coded.add(id);
        } else if (w instanceof Skip s) {
            Long id = null;
            try (PreparedStatement ps = db.prepareStatement("SELECT id FROM photos WHERE path = ?")) {
                ps.setString(1, s.path().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id != null) {
                deleteCodes(id);
                uncoded.add(id);
                try (PreparedStatement ps = db.prepareStatement("UPDATE photos SET folder_id = ?, size = ?, mtime = ?,"
                        + " sha256 = ?, width = NULL, height = NULL, orientation = NULL, exif_date = NULL,"
                        + " thumbnail = NULL, status = 'skipped', skip_reason = ?, indexed_at = ? WHERE id = ?")) {
                    ps.setLong(1, s.folderId());
                    ps.setLong(2, s.size());
                    ps.setLong(3, s.mtime());
                    ps.setString(4, s.sha256());
                    ps.setString(5, s.reason());
                    ps.setLong(6, now);
                    ps.setLong(7, id);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO photos(folder_id, path, size, mtime,"
                        + " sha256, status, skip_reason, indexed_at) VALUES (?,?,?,?,?,'skipped',?,?)")) {
                    ps.setLong(1, s.folderId());
                    ps.setString(2, s.path().toString());
                    ps.setLong(3, s.size());
                    ps.setLong(4, s.mtime());
                    ps.setString(5, s.sha256());
                    ps.setString(6, s.reason());
                    ps.setLong(7, now);
                    ps.executeUpdate();
                }
            }
        } else if (w instanceof Touch t) {
            try (PreparedStatement ps = db.prepareStatement("UPDATE photos SET size = ?, mtime = ? WHERE id = ?")) {
                ps.setLong(1, t.size());
                ps.setLong(2, t.mtime());
                ps.setLong(3, t.photoId());
                ps.executeUpdate();
            }
        } else if (w instanceof Move m) {
            try (PreparedStatement ps = db.prepareStatement(
                    "UPDATE photos SET path = ?, folder_id = ?, size = ?, mtime = ? WHERE id = ?")) {
                ps.setString(1, m.newPath().toString());
                ps.setLong(2, m.folderId());
                ps.setLong(3, m.size());
                ps.setLong(4, m.mtime());
                ps.setLong(5, m.photoId());
                ps.executeUpdate();
            }
        } else if (w instanceof AddCode a) {
            if (a.code() != null) {
                ensureModel(a.modelId(), a.bits(), modelsSeen);
                putCode(a.photoId(), a.modelId(), a.bits(), a.code(), a.outputs());
                coded.add(a.photoId());
            }
            if (a.thumbnail() != null) {
                try (PreparedStatement ps = db.prepareStatement("UPDATE photos SET thumbnail = ? WHERE id = ?")) {
                    ps.setString(1, a.thumbnail());
                    ps.setLong(2, a.photoId());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static void fillContent(PreparedStatement ps, int i, Upsert u, long now) throws SQLException {
        ps.setLong(i, u.size());
        ps.setLong(i + 1, u.mtime());
        ps.setString(i + 2, u.sha256());
        ps.setInt(i + 3, u.width());
        ps.setInt(i + 4, u.height());
        ps.setInt(i + 5, u.orientation());
        if (u.exifDate() == null) {
            ps.setNull(i + 6, Types.INTEGER);
        } else {
            ps.setLong(i + 6, u.exifDate().toEpochMilli());
        }
        ps.setString(i + 7, u.thumbnail());
        ps.setLong(i + 8, now);
    }

    private void ensureModel(String modelId, int bits, Set<String> seen) throws SQLException {
        if (seen.add(modelId)) {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO models(id, bits, first_used_at) VALUES (?,?,?) ON CONFLICT(id) DO NOTHING")) {
                ps.setString(1, modelId);
                ps.setInt(2, bits);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("SELECT bits FROM models WHERE id = ?")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) != bits) {
                        throw new SQLException("model " + modelId + " is recorded with " + rs.getInt(1)
                                + " bits, not " + bits + ": a model id must change with its bit length");
                    }
                }
            }
        }
    }

    private void putCode(long photoId, String modelId, int bits, long[] code, byte[] outputs) throws SQLException {
        if (code.length != Codes.words(bits)) {
            throw new IllegalArgumentException("a " + bits + "-bit code has " + Codes.words(bits) + " words, got "
                    + code.length);
        }
        if (outputs != null && outputs.length != bits) {
            throw new IllegalArgumentException("a " + bits + "-bit code has " + bits + " outputs, got "
                    + outputs.length);
        }
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT OR REPLACE INTO codes(photo_id, model_id, bits, code, outputs) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, photoId);
            ps.setString(2, modelId);
            ps.setInt(3, bits);
            ps.setBytes(4, encode(code));
            if (outputs == null) {
                ps.setNull(5, Types.BLOB);
            } else {
                ps.setBytes(5, outputs);
            }
            ps.executeUpdate();
        }
    }

    private void deleteCodes(long photoId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM codes WHERE photo_id = ?")) {
            ps.setLong(1, photoId);
            ps.executeUpdate();
        }
    }

    /** Forgets rows (files gone from disk), in one transaction. */
    synchronized void deletePhotos(Collection<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM photos WHERE id = ?")) {
                    for (long id : ids) {
                        ps.setLong(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw io("delete photos", e);
        }
    }

    /** Replaces the walk problems recorded for {@code folderIds} with {@code problems} (path → cause, with folder). */
    synchronized void replaceProblems(Collection<Long> folderIds, Map<Path, Map.Entry<Long, String>> problems)
            throws IOException {
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM scan_problems WHERE folder_id = ?")) {
                    for (long id : folderIds) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO scan_problems(path,"
                        + " folder_id, cause, seen_at) VALUES (?,?,?,?)")) {
                    for (Map.Entry<Path, Map.Entry<Long, String>> e : problems.entrySet()) {
                        ps.setString(1, e.getKey().toString());
                        ps.setLong(2, e.getValue().getKey());
                        ps.setString(3, e.getValue().getValue());
                        ps.setLong(4, System.currentTimeMillis());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw io("record scan problems", e);
        }
    }

    /** {@code PRAGMA integrity_check} and {@code foreign_key_check}: "ok" or the problems found. */
    public synchronized String integrityCheck() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        sb.append(rs.getString(1)).append('\n');
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    sb.append("foreign key violation in ").append(rs.getString(1)).append(" row ")
                            .append(rs.getLong(2)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw io("check integrity", e);
        }
        return sb.length() == 0 ? "ok" : sb.toString().trim();
    }

    /** A setting, or null. */
    public synchronized String setting(String key) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw io("read setting " + key, e);
        }
    }

    public synchronized void setSetting(String key, String value) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO settings(key, value) VALUES (?,?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw io("write setting " + key, e);
        }
    }

    /** Runs a read-only SQL query returning one number (tests and diagnostics). */
    synchronized long queryLong(String sql) throws IOException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw io(sql, e);
        }
    }

    /** Work on the connection that throws SQLException. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} as one transaction: committed if it returns, rolled back on any failure (SQL or runtime;
     * re-enabling auto-commit would otherwise commit the partial work), auto-commit restored either way.
     */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static byte[] encode(long[] code) {
        ByteBuffer b = ByteBuffer.allocate(code.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : code) {
            b.putLong(w);
        }
        return b.array();
    }

    static long[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] code = new long[bytes.length / 8];
        for (int i = 0; i < code.length; i++) {
            code[i] = b.getLong();
        }
        return code;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private IOException io(String what, SQLException e) {
        return new IOException("catalogue " + databaseFile() + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
