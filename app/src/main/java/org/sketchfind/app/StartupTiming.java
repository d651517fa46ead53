package org.sketchfind.app;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Measures the start: with {@code -Dsketchfind.startupTiming=true} the app prints, on stderr, the milliseconds from
 * the JVM's start to the first frame drawn with the start canvas ("canvas": it takes strokes from then on), and to
 * the first frame of the main window ("search": the model has loaded). This is how the start time in the README is
 * measured.
 */
final class StartupTiming {
    static final String PROPERTY = "sketchfind.startupTiming";

    private StartupTiming() {
    }

    /** Reports once the next frame of {@code scene} has been rendered (a pulse after the scene was set). */
    static void interactive(Scene scene, String what) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= 2) { // the frame after the one that laid the window out
                    stop();
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.err.println("sketchfind-app: " + what + " ready " + ms + " ms after the JVM started");
                }
            }
        }.start();
    }
}
