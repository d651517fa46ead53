package org.sketchfind.app;

import javafx.scene.control.Label;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.sketchfind.app.event.CollectionTotals;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.IndexingProgress;
import org.sketchfind.app.event.SearchCompleted;
import org.sketchfind.app.event.TrainingStatus;
import org.sketchfind.app.kit.Formats;
import org.sketchfind.app.kit.StatusBar;
import org.sketchfind.engine.ScanProgress;

/**
 * The main window's status bar: model, photos indexed, last search time, a training run while one goes on (on any
 * page), indexing progress; fed by the bus.
 */
final class AppStatusBar {
    private final StatusBar bar = new StatusBar();
    private final Label model;
    private final Label photos;
    private final Label search;
    private final Label training;

    AppStatusBar(EventBus bus) {
        model = bar.addSegment("statusModel", MaterialDesignB.BRAIN);
        photos = bar.addSegment("statusPhotos", MaterialDesignI.IMAGE_MULTIPLE);
        search = bar.addSegment("statusSearch", MaterialDesignT.TIMER_OUTLINE);
        training = bar.addSegment("statusTraining", MaterialDesignS.SCHOOL_OUTLINE);
        showTraining(TrainingStatus.idle());
        model.setText("Model: —");
        photos.setText("No photos yet");
        search.setText("No search yet");
        bus.subscribe(CollectionTotals.class, this::status);
        bus.subscribe(IndexingProgress.class, e -> progress(e.progress()));
        bus.subscribe(SearchCompleted.class, e -> search.setText("Last search " + e.elapsedMillis() + " ms"));
        bus.subscribe(TrainingStatus.class, this::showTraining);
    }

    private void showTraining(TrainingStatus t) {
        boolean show = t.text() != null;
        training.setText(show ? t.text() + (t.fraction() >= 0 ? String.format(" (%.0f%%)", 100 * t.fraction()) : "")
                : "");
        training.setVisible(show);
        training.setManaged(show);
    }

    StatusBar node() {
        return bar;
    }

    private void status(CollectionTotals s) {
        model.setText("Model: " + s.model());
        photos.setText(Formats.count(s.encoded(), "photo", "photos") + " indexed"
                + (s.encoded() < s.photos() ? " of " + String.format("%,d", s.photos()) : ""));
    }

    private void progress(ScanProgress p) {
        if (p == null || p.phase() == ScanProgress.Phase.DONE) {
            bar.showProgress(false);
            return;
        }
        if (p.phase() == ScanProgress.Phase.INDEXING && p.total() > 0) {
            bar.setProgress((double) p.done() / p.total(), (p.paused() ? "Paused " : "Indexing ")
                    + p.done() + "/" + p.total() + " · ETA " + Formats.duration(p.etaSeconds()));
        } else {
            bar.setProgress(-1, p.phase() == ScanProgress.Phase.WALKING ? "Looking for photos…" : "Cleaning up…");
        }
    }
}
