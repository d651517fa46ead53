package org.sketchfind.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns class names from different sources (Sketchy folders, TU-Berlin folders, Quick, Draw! file names) into the
 * integer labels {@link Evaluation} compares. Names match after {@link #normalise}: lower case, and every run of
 * '_', '-' and white space read as one space, trimmed ("Teddy_Bear", "teddy-bear", "teddy  bear" are one class).
 */
public final class ClassLabels {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]+", " ").trim();
    }

    /** The label of {@code name}, adding a new class (named as first seen) if it is new. */
    public int labelOf(String name) {
        String key = normalise(name);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty class name: '" + name + "'");
        }
        Integer id = index.get(key);
        if (id == null) {
            id = names.size();
            index.put(key, id);
            names.add(name);
        }
        return id;
    }

    /** The label of {@code name} if known, else -1. */
    public int find(String name) {
        return index.getOrDefault(normalise(name), -1);
    }

    public int[] labelsOf(List<String> classNames) {
        int[] out = new int[classNames.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labelOf(classNames.get(i));
        }
        return out;
    }

    /** Class names by label (as first seen). */
    public List<String> names() {
        return List.copyOf(names);
    }
}
