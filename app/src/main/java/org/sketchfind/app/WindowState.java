package org.sketchfind.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/** Remembers the main window's size, position and maximised state between runs (java.util.prefs). */
final class WindowState {
    private final Preferences prefs;

    WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Restores the saved bounds if they still fit on a screen; otherwise keeps the defaults. */
    void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double w = prefs.getDouble("width", defaultWidth);
        double h = prefs.getDouble("height", defaultHeight);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        stage.setWidth(Math.max(800, w));
        stage.setHeight(Math.max(560, h));
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(w, 200), 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    void save(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
        }
    }
}
