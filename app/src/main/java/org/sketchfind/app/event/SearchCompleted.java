package org.sketchfind.app.event;

/** A search finished: which model answered, how many hits, how long it took. */
public record SearchCompleted(String model, int hits, long elapsedMillis) {
}
