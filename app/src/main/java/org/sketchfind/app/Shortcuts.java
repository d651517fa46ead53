package org.sketchfind.app;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.sketchfind.app.event.CanvasCommand;
import org.sketchfind.app.event.EventBus;

/**
 * The window's keyboard shortcuts: Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo, Ctrl+E eraser, Delete / Ctrl+L clear,
 * Ctrl+S save and Ctrl+O open a sketch, F11 full screen, Ctrl+T theme, Ctrl+D demo mode.
 */
final class Shortcuts {
    private Shortcuts() {
    }

    static void install(Scene scene, EventBus bus, Runnable toggleTheme, Runnable demo) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.UNDO));
        acc.put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.REDO));
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> bus.publish(CanvasCommand.REDO));
        acc.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.ERASER));
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.SAVE));
        acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.OPEN));
        acc.put(new KeyCodeCombination(KeyCode.DELETE), () -> bus.publish(CanvasCommand.CLEAR));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.CLEAR));
        acc.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), toggleTheme);
        acc.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), demo);
        acc.put(new KeyCodeCombination(KeyCode.F11), () -> {
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
    }
}
