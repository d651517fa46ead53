package org.sketchfind.app.kit;

import javafx.application.Platform;
import org.sketchfind.engine.JobListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A job's listener that hands its events to the FX thread in batches: however fast the engine reports, at most
 * one hand-over is waiting for the FX thread, and it carries every event since the last one, in order (a chart
 * needs them all, not only the latest). Log lines go the same way. The engine's thread never waits.
 *
 * @param <E> the job's event type
 */
public final class FxEvents<E> implements JobListener<E> {
    private final Consumer<List<E>> onEvents;
    private final Consumer<String> onLog;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private record Log(String line) {
    }

    /** @param onEvents receives each batch on the FX thread; {@code onLog} each log line (may be null) */
    public FxEvents(Consumer<List<E>> onEvents, Consumer<String> onLog) {
        this.onEvents = onEvents;
        this.onLog = onLog;
    }

    @Override
    public void onProgress(E event) {
        queue.add(event);
        schedule();
    }

    @Override
    public void onLog(String line) {
        if (onLog != null) {
            queue.add(new Log(line));
            schedule();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        scheduled.set(false);
        List<E> batch = new ArrayList<>();
        Object o;
        while ((o = queue.poll()) != null) {
            if (o instanceof Log l) {
                if (!batch.isEmpty()) {
                    onEvents.accept(batch);
                    batch = new ArrayList<>();
                }
                onLog.accept(l.line());
            } else {
                batch.add((E) o);
            }
        }
        if (!batch.isEmpty()) {
            onEvents.accept(batch);
        }
    }
}
