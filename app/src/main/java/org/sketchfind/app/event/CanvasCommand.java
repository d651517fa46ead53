package org.sketchfind.app.event;

/** A keyboard shortcut aimed at the sketch canvas. */
public enum CanvasCommand {
    UNDO, REDO, CLEAR, ERASER, SAVE, OPEN
}
