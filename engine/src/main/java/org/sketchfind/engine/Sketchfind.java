package org.sketchfind.engine;

/**
 * The engine's facade: the one entry point the app and the command line use. It hands out one service per
 * part of the paper's pipeline; the app never reaches past it into {@code model}, {@code train} or
 * {@code index} internals.
 */
public final class Sketchfind {
    public Sketchfind() {
    }
}
