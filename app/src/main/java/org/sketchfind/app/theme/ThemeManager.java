package org.sketchfind.app.theme;

import javafx.scene.Scene;
import org.sketchfind.app.Resources;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.ThemeChanged;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * Applies the light or dark theme to every scene it manages (the main window and its dialogs) by swapping the
 * theme stylesheet, remembers the choice (when given a preferences node) and announces changes on the bus.
 */
public final class ThemeManager {
    private static final String KEY = "theme";
    private final EventBus bus;
    private final Preferences prefs;
    private final List<Scene> scenes = new ArrayList<>();
    private Theme current;

    /** @param prefs where the choice is remembered, or null to remember nothing (tests) */
    public ThemeManager(EventBus bus, Preferences prefs) {
        this.bus = bus;
        this.prefs = prefs;
        Theme saved = Theme.LIGHT;
        if (prefs != null) {
            try {
                saved = Theme.valueOf(prefs.get(KEY, Theme.LIGHT.name()));
            } catch (IllegalArgumentException e) {
                saved = Theme.LIGHT;
            }
        }
        this.current = saved;
    }

    public Theme current() {
        return current;
    }

    /** Styles {@code scene} with the shared sheet and the current theme, now and on every later change. */
    public void manage(Scene scene) {
        scenes.add(scene);
        style(scene);
        scene.windowProperty().addListener((o, was, now) -> {
            if (now == null) {
                scenes.remove(scene);
            }
        });
    }

    public void set(Theme theme) {
        if (theme == current) {
            return;
        }
        current = theme;
        if (prefs != null) {
            prefs.put(KEY, theme.name());
        }
        for (Scene s : List.copyOf(scenes)) {
            style(s);
        }
        bus.publish(new ThemeChanged(theme));
    }

    public void toggle() {
        set(current.other());
    }

    private void style(Scene scene) {
        List<String> sheets = scene.getStylesheets();
        for (Theme t : Theme.values()) {
            sheets.remove(Resources.stylesheet(t.stylesheet()));
        }
        String base = Resources.stylesheet("app.css");
        if (!sheets.contains(base)) {
            sheets.add(base);
        }
        sheets.add(Resources.stylesheet(current.stylesheet()));
    }
}
