package org.sketchfind.app.event;

import org.sketchfind.app.theme.Theme;

/** The light/dark theme changed. */
public record ThemeChanged(Theme theme) {
}
