package org.sketchfind.app;

import org.sketchfind.app.collection.CollectionModel;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.models.ModelsModel;
import org.sketchfind.app.results.FolderReveal;
import org.sketchfind.app.search.SketchSearch;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.app.training.TrainingModel;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.Sketchfind;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the pages share: the event bus, the theme manager, the settings, the engine (its jobs: training, t-SNE,
 * evaluation), the open photo collection (and its FX-side model), the known models, the training run (which
 * outlives its page), the sketch search, the file dialogs, and the app's background threads. Closing it stops the
 * threads and closes the collection.
 */
public final class AppServices implements AutoCloseable {
    private final EventBus bus;
    private final ThemeManager themes;
    private final PhotoCollection photos;
    private final SketchSearch search;
    private final Sketchfind engine;
    private final AppSettings settings;
    private final FileDialogs dialogs;
    private final Path repoRoot;
    private final Background io = new Background("sketchfind-app-io");
    private final ExecutorService searchExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sketchfind-search");
        t.setDaemon(true);
        return t;
    });
    private final CollectionModel collection;
    private final ModelsModel models;
    private final TrainingModel training;
    private FolderReveal.Opener folderOpener = FolderReveal.desktop();

    /** Services with a fresh engine, settings for this run only, the platform's dialogs (tests). */
    public AppServices(EventBus bus, ThemeManager themes, PhotoCollection photos, SketchSearch search) {
        this(bus, themes, photos, search, new Sketchfind(), AppSettings.inMemory(), FileDialogs.platform(), null);
    }

    /**
     * @param repoRoot the install root (demo photos and drawings), or null when unknown
     */
    public AppServices(EventBus bus, ThemeManager themes, PhotoCollection photos, SketchSearch search,
                       Sketchfind engine, AppSettings settings, FileDialogs dialogs, Path repoRoot) {
        this.bus = bus;
        this.themes = themes;
        this.photos = photos;
        this.search = search;
        this.engine = engine;
        this.settings = settings;
        this.dialogs = dialogs;
        this.repoRoot = repoRoot;
        this.collection = new CollectionModel(photos, bus, io);
        this.models = new ModelsModel(photos, bus, io, settings);
        this.training = new TrainingModel(engine, bus, settings, photos.dataDir());
    }

    public EventBus bus() {
        return bus;
    }

    public ThemeManager themes() {
        return themes;
    }

    /** The engine's collection (blocking calls: not on the FX thread). */
    public PhotoCollection photos() {
        return photos;
    }

    public SketchSearch search() {
        return search;
    }

    /** The engine: research and training jobs (they run on its threads). */
    public Sketchfind engine() {
        return engine;
    }

    public AppSettings settings() {
        return settings;
    }

    public FileDialogs dialogs() {
        return dialogs;
    }

    /** The install root, or null when unknown. */
    public Path repoRoot() {
        return repoRoot;
    }

    public ExecutorService searchExecutor() {
        return searchExecutor;
    }

    /** The app's thread for short blocking calls (file reads, catalogue reads). */
    public Background io() {
        return io;
    }

    public CollectionModel collection() {
        return collection;
    }

    public ModelsModel models() {
        return models;
    }

    public TrainingModel training() {
        return training;
    }

    /** How "Show in folder" asks the desktop (null: no desktop, the path is copied). */
    public FolderReveal.Opener folderOpener() {
        return folderOpener;
    }

    public void setFolderOpener(FolderReveal.Opener opener) {
        this.folderOpener = opener;
    }

    @Override
    public void close() {
        searchExecutor.shutdownNow();
        io.close();
        photos.close();
    }
}
