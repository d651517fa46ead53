package org.sketchfind.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers across restarts besides the theme and the window (those keep their own nodes): the search
 * settings (top K, pen width, query expansion), the model files a user added and the active model per catalogue,
 * and the last training run's settings so that a run stopped by closing the app can be resumed. Backed by
 * java.util.prefs, or by memory only (tests). FX thread or any one thread at a time.
 */
public final class AppSettings {
    public static final String TOP_K = "search.top";
    public static final String PEN_WIDTH = "search.penWidth";
    public static final String EXPAND = "search.expand";
    private static final String MODEL_FILES = "models.added";
    private static final String ACTIVE_MODEL = "models.active.";

    private final Preferences prefs;
    private final Map<String, String> memory = new HashMap<>();

    /** @param prefs where to remember, or null to remember for this run only */
    public AppSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Settings that last as long as the object (tests). */
    public static AppSettings inMemory() {
        return new AppSettings(null);
    }

    public String get(String key, String def) {
        if (prefs == null) {
            return memory.getOrDefault(key, def);
        }
        return prefs.get(key, def);
    }

    public void put(String key, String value) {
        if (value == null) {
            remove(key);
        } else if (prefs == null) {
            memory.put(key, value);
        } else {
            prefs.put(key, value);
            flush();
        }
    }

    public void remove(String key) {
        if (prefs == null) {
            memory.remove(key);
        } else {
            prefs.remove(key);
            flush();
        }
    }

    public int getInt(String key, int def) {
        try {
            return Integer.parseInt(get(key, Integer.toString(def)));
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public double getDouble(String key, double def) {
        try {
            return Double.parseDouble(get(key, Double.toString(def)));
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public boolean getBoolean(String key, boolean def) {
        String v = get(key, null);
        return v == null ? def : Boolean.parseBoolean(v);
    }

    /** Model files the user added on the Models page, in the order added. */
    public List<String> addedModels() {
        String v = get(MODEL_FILES, "");
        List<String> out = new ArrayList<>();
        for (String s : v.split("\n")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    public void setAddedModels(List<String> files) {
        put(MODEL_FILES, String.join("\n", files));
    }

    /** The model file made active on the catalogue in {@code dataDir}, or null (the shipped default). */
    public String activeModel(String dataDir) {
        return get(ACTIVE_MODEL + Integer.toHexString(dataDir.hashCode()), null);
    }

    public void setActiveModel(String dataDir, String modelFile) {
        put(ACTIVE_MODEL + Integer.toHexString(dataDir.hashCode()), modelFile);
    }

    /** A group of settings (e.g. the last training run), all keys starting with {@code prefix}. */
    public Map<String, String> group(String prefix) {
        Map<String, String> out = new HashMap<>();
        if (prefs == null) {
            memory.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    out.put(k.substring(prefix.length()), v);
                }
            });
            return out;
        }
        try {
            for (String k : prefs.keys()) {
                if (k.startsWith(prefix)) {
                    out.put(k.substring(prefix.length()), prefs.get(k, ""));
                }
            }
        } catch (BackingStoreException e) {
            // nothing remembered
        }
        return out;
    }

    /** Replaces the group {@code prefix} by {@code values} (null or empty: forgets it). */
    public void setGroup(String prefix, Map<String, String> values) {
        for (String k : group(prefix).keySet()) {
            remove(prefix + k);
        }
        if (values != null) {
            values.forEach((k, v) -> put(prefix + k, v));
        }
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // remembered for this run at least
        }
    }
}
