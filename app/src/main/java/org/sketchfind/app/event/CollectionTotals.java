package org.sketchfind.app.event;

/** Totals of the photo collection after a change (for the status bar). */
public record CollectionTotals(String model, int bits, long photos, long encoded, int folders) {
}
