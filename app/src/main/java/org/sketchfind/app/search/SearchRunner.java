package org.sketchfind.app.search;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sketchfind.app.kit.LatestWins;
import org.sketchfind.engine.SearchResult;

import java.util.concurrent.ExecutorService;

/**
 * Runs searches on a background thread, latest request wins, and exposes the outcome, the error and whether one
 * is running as FX properties. FX thread only.
 */
public final class SearchRunner {
    private final SketchSearch search;
    private final LatestWins<SearchResult> latest;
    private final ObjectProperty<SearchResult> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>(this, "error");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");

    public SearchRunner(SketchSearch search, ExecutorService executor) {
        this.search = search;
        this.latest = new LatestWins<>(executor);
    }

    public void request(SearchQuery query, int k, int expand) {
        running.set(true);
        latest.submit(() -> search.search(query, k, expand), r -> {
            running.set(false);
            error.set(null);
            outcome.set(r);
        }, t -> {
            running.set(false);
            outcome.set(null);
            error.set(t);
        });
    }

    /** Drops the current results and ignores any search still running (the canvas was cleared). */
    public void reset() {
        latest.invalidate();
        running.set(false);
        error.set(null);
        outcome.set(null);
    }

    public ObjectProperty<SearchResult> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<Throwable> errorProperty() {
        return error;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** A message a user can act on for a search failure. */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        return "Search failed: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }
}
