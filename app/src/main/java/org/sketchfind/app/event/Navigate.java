package org.sketchfind.app.event;

/** Asks the main window to show the page with this id. */
public record Navigate(String pageId) {
}
