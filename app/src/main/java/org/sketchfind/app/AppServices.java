package org.sketchfind.app;

import org.sketchfind.app.collection.CollectionModel;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.search.SketchSearch;
import org.sketchfind.app.theme.ThemeManager;
import org.sketchfind.engine.PhotoCollection;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the pages share: the event bus, the theme manager, the engine's open photo collection (and its FX-side
 * model), the sketch search, and the app's background threads. Closing it stops the threads and closes the
 * collection.
 */
public final class AppServices implements AutoCloseable {
    private final EventBus bus;
    private final ThemeManager themes;
    private final PhotoCollection photos;
    private final SketchSearch search;
    private final Background io = new Background("sketchfind-app-io");
    private final ExecutorService searchExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sketchfind-search");
        t.setDaemon(true);
        return t;
    });
    private final CollectionModel collection;

    public AppServices(EventBus bus, ThemeManager themes, PhotoCollection photos, SketchSearch search) {
        this.bus = bus;
        this.themes = themes;
        this.photos = photos;
        this.search = search;
        this.collection = new CollectionModel(photos, bus, io);
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

    public ExecutorService searchExecutor() {
        return searchExecutor;
    }

    public CollectionModel collection() {
        return collection;
    }

    @Override
    public void close() {
        searchExecutor.shutdownNow();
        io.close();
        photos.close();
    }
}
