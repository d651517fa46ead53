package org.sketchfind.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** The one place that finds the app's bundled resources (stylesheets, texts) on the class path. */
public final class Resources {
    private static final String BASE = "/org/sketchfind/app/";

    private Resources() {
    }

    public static URL url(String relative) {
        URL u = Resources.class.getResource(BASE + relative);
        if (u == null) {
            throw new IllegalStateException("missing app resource " + BASE + relative);
        }
        return u;
    }

    /** External form of a stylesheet under {@code styles/}, as {@code Scene.getStylesheets()} wants it. */
    public static String stylesheet(String name) {
        return url("styles/" + name).toExternalForm();
    }

    /** A UTF-8 text resource. */
    public static String text(String relative) {
        try (InputStream in = url(relative).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read app resource " + relative, e);
        }
    }
}
