package org.sketchfind.app.event;

import javafx.application.Platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The app's event bus: pages, the status bar and the window talk through it instead of holding references to each
 * other. Events are plain values; handlers always run on the FX thread (an event published from another thread is
 * handed over with {@code Platform.runLater}).
 */
public final class EventBus {
    private record Subscription(Class<?> type, Consumer<Object> handler) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Subscribes to events of {@code type} (and its subtypes); returns a handle that unsubscribes. */
    @SuppressWarnings("unchecked")
    public <E> Runnable subscribe(Class<E> type, Consumer<? super E> handler) {
        Subscription s = new Subscription(type, e -> ((Consumer<Object>) handler).accept(e));
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    public void publish(Object event) {
        if (Platform.isFxApplicationThread()) {
            deliver(event);
        } else {
            Platform.runLater(() -> deliver(event));
        }
    }

    private void deliver(Object event) {
        for (Subscription s : subscriptions) {
            if (s.type().isInstance(event)) {
                s.handler().accept(event);
            }
        }
    }
}
