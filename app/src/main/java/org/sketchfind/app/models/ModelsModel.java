package org.sketchfind.app.models;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.ModelActivated;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.kit.Errors;
import org.sketchfind.engine.CollectionListener;
import org.sketchfind.engine.Job;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.ScanProgress;
import org.sketchfind.engine.ScanReport;
import org.sketchfind.engine.Sketchfind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Every model the app knows, as the Models page shows them: the shipped ones, the models of training runs (under the
 * catalogue's folder, {@code runs/}), and files the user added (remembered). Cards are read in the background. One
 * model is the collection's: making another one active re-encodes the collection as the engine's job, with
 * progress, while searches keep using the old model until the new codes are complete; the choice is remembered per
 * catalogue. FX thread only.
 */
public final class ModelsModel {
    private final PhotoCollection photos;
    private final EventBus bus;
    private final Background io;
    private final AppSettings settings;
    private final ObservableList<ModelEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Path> activeFile = new SimpleObjectProperty<>(this, "activeFile");
    private final ObjectProperty<ScanProgress> progress = new SimpleObjectProperty<>(this, "progress");
    private final ObjectProperty<Job<ScanReport>> activation = new SimpleObjectProperty<>(this, "activation");
    private final ObjectProperty<ModelEntry> activating = new SimpleObjectProperty<>(this, "activating");
    private final StringProperty message = new SimpleStringProperty(this, "message");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    /** Run models listed this session from elsewhere than the runs folder (a run folder of the user's choosing). */
    private final Map<Path, ModelEntry.Source> listed = new LinkedHashMap<>();

    public ModelsModel(PhotoCollection photos, EventBus bus, Background io, AppSettings settings) {
        this.photos = photos;
        this.bus = bus;
        this.io = io;
        this.settings = settings;
        activeFile.set(photos.modelFile());
    }

    /** The folder training runs are written to: {@code <catalogue folder>/runs}. */
    public static Path runsFolder(Path dataDir) {
        return dataDir.resolve("runs");
    }

    /** Lists the models (files first, cards as they are read). */
    public void refresh() {
        List<String> added = settings.addedModels();
        Map<Path, ModelEntry.Source> session = new LinkedHashMap<>(listed);
        Path runs = runsFolder(photos.dataDir());
        io.call(() -> {
            Map<Path, ModelEntry.Source> found = new LinkedHashMap<>();
            for (Path p : Sketchfind.shippedModels()) {
                found.putIfAbsent(norm(p), ModelEntry.Source.SHIPPED);
            }
            for (Path p : runModels(runs)) {
                found.putIfAbsent(norm(p), ModelEntry.Source.RUN);
            }
            for (String s : added) {
                found.putIfAbsent(norm(Path.of(s)), ModelEntry.Source.ADDED);
            }
            session.forEach(found::putIfAbsent);
            Path active = photos.modelFile();
            if (active != null) {
                found.putIfAbsent(norm(active), ModelEntry.Source.ADDED);
            }
            return found;
        }, this::apply, this::fail);
    }

    private static List<Path> runModels(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.map(d -> d.resolve("model.zip")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path norm(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private void apply(Map<Path, ModelEntry.Source> found) {
        Map<Path, ModelEntry> old = new LinkedHashMap<>();
        for (ModelEntry e : entries) {
            old.put(e.file(), e);
        }
        List<ModelEntry> next = new ArrayList<>();
        List<ModelEntry> toDescribe = new ArrayList<>();
        found.forEach((file, source) -> {
            ModelEntry e = old.get(file);
            if (e == null) {
                e = new ModelEntry(file, source);
                toDescribe.add(e);
            }
            next.add(e);
        });
        markActive(next);
        entries.setAll(next);
        for (ModelEntry e : toDescribe) {
            io.call(() -> Sketchfind.describeModel(e.file()), info -> e.infoProperty().set(info),
                    t -> e.errorProperty().set(message(t)));
        }
    }

    /** Adds a model file the user chose (remembered), or a finished run's model; returns its entry. */
    public ModelEntry add(Path file, ModelEntry.Source source) {
        Path f = norm(file);
        for (ModelEntry e : entries) {
            if (e.file().equals(f)) {
                return e;
            }
        }
        if (source == ModelEntry.Source.ADDED) {
            List<String> added = new ArrayList<>(settings.addedModels());
            if (!added.contains(f.toString())) {
                added.add(f.toString());
                settings.setAddedModels(added);
            }
        }
        listed.put(f, source);
        ModelEntry e = new ModelEntry(f, source);
        markActive(List.of(e));
        entries.add(e);
        io.call(() -> Sketchfind.describeModel(f), info -> e.infoProperty().set(info),
                t -> e.errorProperty().set(message(t)));
        return e;
    }

    /** Forgets a model the user added (the file stays); shipped models and runs stay listed. */
    public void remove(ModelEntry e) {
        if (e.source() != ModelEntry.Source.ADDED || e.activeProperty().get()) {
            return;
        }
        List<String> added = new ArrayList<>(settings.addedModels());
        added.remove(e.file().toString());
        settings.setAddedModels(added);
        entries.remove(e);
    }

    /** Makes {@code e} the collection's model: a job re-encodes the collection; searches switch when it is done. */
    public void activate(ModelEntry e) {
        if (activation.get() != null || e.activeProperty().get()) {
            return;
        }
        error.set(null);
        message.set("Encoding the collection with " + e.displayName() + "…");
        activating.set(e);
        AtomicReference<ScanProgress> latest = new AtomicReference<>();
        Job<ScanReport> job = photos.activate(e.file(), new CollectionListener() {
            @Override
            public void onProgress(ScanProgress p) {
                if (latest.getAndSet(p) == null) {
                    Platform.runLater(() -> progress.set(latest.getAndSet(null)));
                }
            }
        });
        activation.set(job);
        job.future().whenComplete((report, t) -> Platform.runLater(() -> finished(e, report, t)));
    }

    private void finished(ModelEntry e, ScanReport report, Throwable t) {
        activation.set(null);
        activating.set(null);
        progress.set(null);
        if (t != null) {
            message.set(null);
            error.set("Could not switch to " + e.displayName() + ": " + message(t));
            return;
        }
        if (report.cancelled()) {
            message.set("Switching cancelled: " + photos.model() + " is still in use (the codes made so far are "
                    + "kept for the next try).");
            return;
        }
        Path file = photos.modelFile();
        activeFile.set(file);
        settings.setActiveModel(photos.dataDir().toString(), file.toString());
        markActive();
        message.set(photos.model() + " is now in use: " + report.encoded() + " photos encoded, "
                + report.unchanged() + " already had codes.");
        bus.publish(new ModelActivated(file, photos.model()));
    }

    public void pause() {
        setPaused(true);
    }

    public void resume() {
        setPaused(false);
    }

    /** The job sends no event while it waits, so the view shows the new state at once. */
    private void setPaused(boolean paused) {
        Job<ScanReport> j = activation.get();
        if (j == null) {
            return;
        }
        if (paused) {
            j.pause();
        } else {
            j.resume();
        }
        ScanProgress p = progress.get();
        if (p != null) {
            progress.set(p.withPaused(paused));
        }
    }

    public void cancel() {
        Job<ScanReport> j = activation.get();
        if (j != null) {
            j.cancel();
        }
    }

    private void markActive() {
        markActive(entries);
    }

    private void markActive(List<ModelEntry> list) {
        Path a = activeFile.get() == null ? null : norm(activeFile.get());
        for (ModelEntry e : list) {
            e.activeProperty().set(e.file().equals(a));
        }
    }

    private void fail(Throwable t) {
        error.set(message(t));
    }

    private static String message(Throwable t) {
        return Errors.message(t);
    }

    public ObservableList<ModelEntry> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<Path> activeFileProperty() {
        return activeFile;
    }

    public ReadOnlyObjectProperty<ScanProgress> progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<Job<ScanReport>> activationProperty() {
        return activation;
    }

    public ReadOnlyObjectProperty<ModelEntry> activatingProperty() {
        return activating;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
