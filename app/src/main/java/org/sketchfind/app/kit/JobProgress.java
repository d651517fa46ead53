package org.sketchfind.app.kit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import org.sketchfind.engine.Job;
import org.sketchfind.engine.JobListener;
import org.sketchfind.engine.Progress;

import java.util.function.Consumer;

/**
 * A research job on a page (t-SNE, evaluation): its progress view with cancel, the page's start button disabled while
 * it runs, and how it ended: the result to the page, a cancellation or a failure to the page's banner. FX thread only.
 */
public final class JobProgress {
    private final TaskProgressView view;
    private final Banner banner;
    private final Button start;
    private Job<?> job;

    /** @param id node id prefix of the progress view; {@code start} is disabled while a job runs */
    public JobProgress(String id, Banner banner, Button start) {
        this.banner = banner;
        this.start = start;
        view = new TaskProgressView(id, () -> { }, () -> { }, this::cancel);
        view.setId(id + "Progress");
        view.setPausable(false);
        show(false);
    }

    public TaskProgressView view() {
        return view;
    }

    /** The listener to start the job with: its progress (and log lines, as the title) go to the view. */
    public JobListener<Progress> listener() {
        return new FxEvents<>(batch -> {
            Progress p = batch.get(batch.size() - 1);
            view.update(p.stage() + " " + p.done() + " / " + p.total(), p.fraction(), Formats.rate(p.perSecond()),
                    false, true);
        }, line -> view.update(line, -1, "", false, true));
    }

    /** Shows {@code job} running ({@code what}: "t-SNE", "Evaluation") and hands its result to {@code onResult}. */
    public <R> void track(String what, Job<R> job, Consumer<R> onResult) {
        this.job = job;
        banner.hide();
        start.setDisable(true);
        show(true);
        view.update(what + ": starting…", -1, "", false, true);
        job.future().whenComplete((r, t) -> Platform.runLater(() -> {
            this.job = null;
            start.setDisable(false);
            show(false);
            if (t == null) {
                onResult.accept(r);
            } else if (Errors.cancelled(t)) {
                banner.show(Banner.Kind.INFO, what + " cancelled.");
            } else {
                banner.show(Banner.Kind.ERROR, what + " failed: " + Errors.message(t));
            }
        }));
    }

    public boolean running() {
        return job != null;
    }

    private void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private void show(boolean on) {
        view.setVisible(on);
        view.setManaged(on);
    }
}
