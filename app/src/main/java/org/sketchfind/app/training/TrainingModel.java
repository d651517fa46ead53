package org.sketchfind.app.training;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.chart.XYChart;
import org.sketchfind.app.AppSettings;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.TrainingStatus;
import org.sketchfind.app.kit.Errors;
import org.sketchfind.app.kit.Formats;
import org.sketchfind.app.kit.FxEvents;
import org.sketchfind.engine.Job;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TrainingEvent;
import org.sketchfind.engine.TrainingOutcome;
import org.sketchfind.engine.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The training run as the app sees it, independent of its page (a run keeps going when the user looks elsewhere,
 * and the status bar follows it): the engine's training job, its events moved to the FX thread in batches, the loss
 * terms and the per-epoch validation mAP as chart series, steps, pairs per second and time left. The settings of a
 * started run are remembered until it completes, so a run stopped by closing the app (a checkpoint is written) can
 * be resumed. FX thread only.
 */
public final class TrainingModel {
    /** Where a run is. */
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, STOPPING, COMPLETED, CANCELLED, FAILED }

    /** Points kept per chart series; older points are thinned out (every other one dropped) beyond this. */
    static final int MAX_POINTS = 600;
    static final String SETTINGS = "training.last.";

    private final Sketchfind engine;
    private final EventBus bus;
    private final AppSettings settings;
    private final Path dataDir;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final StringProperty stage = new SimpleStringProperty(this, "stage", "");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final StringProperty validationLabel = new SimpleStringProperty(this, "validationLabel", "");
    private final DoubleProperty fraction = new SimpleDoubleProperty(this, "fraction", -1);
    private final LongProperty step = new SimpleLongProperty(this, "step");
    private final LongProperty totalSteps = new SimpleLongProperty(this, "totalSteps");
    private final DoubleProperty pairsPerSecond = new SimpleDoubleProperty(this, "pairsPerSecond");
    private final DoubleProperty etaSeconds = new SimpleDoubleProperty(this, "etaSeconds", -1);
    private final ObjectProperty<TrainingOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<TrainingRequest> request = new SimpleObjectProperty<>(this, "request");
    private final ObservableMap<String, ObservableList<XYChart.Data<Number, Number>>> losses =
            FXCollections.observableMap(new java.util.LinkedHashMap<>());
    private final ObservableList<XYChart.Data<Number, Number>> validation = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private Job<TrainingOutcome> job;
    private long stepsSeen;

    public TrainingModel(Sketchfind engine, EventBus bus, AppSettings settings, Path dataDir) {
        this.engine = engine;
        this.bus = bus;
        this.settings = settings;
        this.dataDir = dataDir;
    }

    /** A data folder as {@code sketchfind datasets} reports it (blocking: call it off the FX thread). */
    public org.sketchfind.engine.DatasetSummary describe(Path dir) throws java.io.IOException {
        return engine.describeDataset(new org.sketchfind.engine.DatasetRequest(dir, null, null, "header", null));
    }

    /** A new run folder under the catalogue's {@code runs/}. */
    public Path newRunFolder() {
        return dataDir.resolve("runs").resolve("run-" + Formats.stamp());
    }

    /** Starts a run (fresh, or {@code resume} in the request); ignored while one runs. */
    public void start(TrainingRequest r) {
        if (running()) {
            return;
        }
        losses.clear();
        validation.clear();
        log.clear();
        stepsSeen = 0;
        error.set(null);
        outcome.set(null);
        step.set(0);
        totalSteps.set(0);
        pairsPerSecond.set(0);
        etaSeconds.set(-1);
        validationLabel.set("");
        request.set(r);
        settings.setGroup(SETTINGS, RunSettings.toMap(r));
        setState(State.PREPARING, r.resume() ? "Resuming " + r.out().getFileName() : "Preparing the training set",
                -1);
        job = engine.train(r, new FxEvents<>(this::events, this::logLine));
        job.future().whenComplete((o, t) -> Platform.runLater(() -> finished(o, t)));
    }

    /** The remembered run that did not complete (stopped by closing the app, cancelled, killed), or null. */
    public TrainingRequest unfinished() {
        TrainingRequest r = RunSettings.fromMap(settings.group(SETTINGS), true);
        if (r == null || running() || Files.isRegularFile(r.out().resolve("model.zip"))
                || !Files.isDirectory(r.out().resolve("checkpoints"))) {
            return null;
        }
        return r;
    }

    /** Resumes {@link #unfinished()} from its last checkpoint. */
    public void resumeUnfinished() {
        TrainingRequest r = unfinished();
        if (r != null) {
            start(r);
        }
    }

    public void pause() {
        if (job != null && state.get() == State.RUNNING) {
            job.pause();
            setState(State.PAUSED, "Paused at step " + step.get() + " (between two steps)", fraction.get());
        }
    }

    public void resume() {
        if (job != null && state.get() == State.PAUSED) {
            job.resume();
            setState(State.RUNNING, stage.get().replaceFirst("^Paused at", "Step"), fraction.get());
        }
    }

    /** Stops the run at its next step; a checkpoint is written, and the same settings resume it. */
    public void cancel() {
        if (job != null && running()) {
            job.cancel();
            setState(State.STOPPING, "Stopping: writing a checkpoint…", fraction.get());
        }
    }

    /**
     * Stops a running run for the app's exit: the returned future completes when its checkpoint is written (at once
     * when nothing runs). The settings stay remembered, so the page offers to resume it at the next start.
     */
    public CompletableFuture<?> stopForExit() {
        if (job == null || job.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        job.cancel();
        return job.future().handle((o, t) -> null);
    }

    public boolean running() {
        return job != null && !job.isDone();
    }

    private void events(List<TrainingEvent> batch) {
        for (TrainingEvent e : batch) {
            if (e instanceof TrainingEvent.Features f) {
                setStateIfRunning(State.PREPARING, "Backbone features: " + f.progress().stage() + " "
                        + f.progress().done() + " / " + f.progress().total(), f.progress().fraction());
                detail.set(Formats.rate(f.progress().perSecond()) + " (computed once, then cached)");
            } else if (e instanceof TrainingEvent.Prepared p) {
                validationLabel.set(p.validationLabel());
                logLine(p.classes() + " seen classes: " + p.sketches() + " sketches and " + p.photos()
                        + " photos train; validation on " + p.validationLabel());
            } else if (e instanceof TrainingEvent.Started s) {
                totalSteps.set(s.totalSteps());
                step.set(s.firstStep());
                setStateIfRunning(State.RUNNING, (s.resumed() ? "Resumed at step " : "Started at step ")
                        + s.firstStep(), fraction(s.firstStep(), s.totalSteps()));
                if (!Double.isNaN(s.initialValidationMap())) {
                    validation.add(new XYChart.Data<>(0, s.initialValidationMap()));
                }
            } else if (e instanceof TrainingEvent.Step s) {
                step.set(s.step());
                totalSteps.set(s.totalSteps());
                pairsPerSecond.set(s.pairsPerSecond());
                etaSeconds.set(s.etaSeconds());
                stepsSeen++;
                for (Map.Entry<String, Double> l : s.losses().entrySet()) {
                    ObservableList<XYChart.Data<Number, Number>> series =
                            losses.computeIfAbsent(l.getKey(), k -> FXCollections.observableArrayList());
                    if (Double.isFinite(l.getValue())) {
                        series.add(new XYChart.Data<>(s.step(), l.getValue()));
                        thin(series);
                    }
                }
                String text = "Step " + s.step() + " / " + s.totalSteps() + " · epoch " + (s.epoch() + 1);
                if (state.get() == State.PAUSED) {
                    fraction.set(fraction(s.step(), s.totalSteps()));
                } else {
                    setStateIfRunning(State.RUNNING, text, fraction(s.step(), s.totalSteps()));
                }
                detail.set(Formats.rate(s.pairsPerSecond()).replace("/s", " pairs/s") + " · time left "
                        + Formats.duration(s.etaSeconds()));
            } else if (e instanceof TrainingEvent.Epoch ep) {
                if (Double.isFinite(ep.validationMap())) {
                    validation.add(new XYChart.Data<>(ep.epoch() + 1, ep.validationMap()));
                }
                logLine(String.format(java.util.Locale.ROOT, "epoch %d: mean loss %.4f, validation mAP %s, %s",
                        ep.epoch() + 1, ep.meanTotalLoss(), Double.isFinite(ep.validationMap())
                                ? String.format(java.util.Locale.ROOT, "%.4f", ep.validationMap()) : "—",
                        Formats.duration(ep.seconds())));
            } else if (e instanceof TrainingEvent.Checkpoint c) {
                logLine("checkpoint at step " + c.step());
            }
        }
        publishStatus();
    }

    /** Drops every other point of a long series (the chart keeps its shape, the FX thread its speed). */
    private static void thin(ObservableList<XYChart.Data<Number, Number>> series) {
        if (series.size() > MAX_POINTS) {
            List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>(series.size() / 2 + 1);
            for (int i = 0; i < series.size(); i += 2) {
                kept.add(series.get(i));
            }
            kept.add(series.get(series.size() - 1));
            series.setAll(kept);
        }
    }

    private void finished(TrainingOutcome o, Throwable t) {
        if (t != null) {
            error.set(Errors.message(t));
            setState(State.FAILED, "Training failed", -1);
        } else {
            outcome.set(o);
            if (o.completed()) {
                settings.setGroup(SETTINGS, null);
                setState(State.COMPLETED, "Finished: " + o.steps() + " steps in " + Formats.duration(o.seconds()),
                        1);
                detail.set("Model written to " + o.model());
            } else {
                setState(State.CANCELLED, "Stopped at step " + o.steps() + ": a checkpoint was written, resume "
                        + "continues from it", fraction(o.steps(), totalSteps.get()));
                detail.set("");
            }
        }
        publishStatus();
    }

    private void logLine(String line) {
        log.add(line);
        if (log.size() > 300) {
            log.remove(0, log.size() - 300);
        }
    }

    private void setStateIfRunning(State s, String text, double f) {
        if (state.get() == State.STOPPING) {
            fraction.set(f);
            return;
        }
        setState(s, text, f);
    }

    private void setState(State s, String text, double f) {
        state.set(s);
        stage.set(text);
        fraction.set(f);
        publishStatus();
    }

    private void publishStatus() {
        State s = state.get();
        if (s == State.IDLE || s == State.COMPLETED || s == State.CANCELLED || s == State.FAILED) {
            bus.publish(TrainingStatus.idle());
        } else {
            String text = switch (s) {
                case PAUSED -> "Training paused at step " + step.get();
                case STOPPING -> "Training stopping…";
                case PREPARING -> "Training: preparing";
                default -> "Training step " + step.get() + "/" + totalSteps.get() + " · left "
                        + Formats.duration(etaSeconds.get());
            };
            bus.publish(new TrainingStatus(text, fraction.get()));
        }
    }

    private static double fraction(long done, long total) {
        return total <= 0 ? -1 : Math.min(1, (double) done / total);
    }

    /** Steps reported in this run (tests). */
    public long stepsSeen() {
        return stepsSeen;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty validationLabelProperty() {
        return validationLabel;
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    public LongProperty stepProperty() {
        return step;
    }

    public LongProperty totalStepsProperty() {
        return totalSteps;
    }

    public DoubleProperty pairsPerSecondProperty() {
        return pairsPerSecond;
    }

    public DoubleProperty etaSecondsProperty() {
        return etaSeconds;
    }

    public ReadOnlyObjectProperty<TrainingOutcome> outcomeProperty() {
        return outcome;
    }

    public ReadOnlyObjectProperty<TrainingRequest> requestProperty() {
        return request;
    }

    /** Loss term name → its points (step, value), in the order the terms first appeared. */
    public ObservableMap<String, ObservableList<XYChart.Data<Number, Number>>> losses() {
        return losses;
    }

    /** (epoch, validation mAP) points. */
    public ObservableList<XYChart.Data<Number, Number>> validation() {
        return validation;
    }

    public ObservableList<String> log() {
        return log;
    }
}
