package org.sketchfind.app;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.sketchfind.app.event.CanvasCommand;
import org.sketchfind.app.event.EventBus;

/** The window's keyboard shortcuts: Ctrl+Z undo, Delete / Ctrl+L clear, F11 full screen, Ctrl+T theme. */
final class Shortcuts {
    private Shortcuts() {
    }

    static void install(Scene scene, EventBus bus, Runnable toggleTheme) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.UNDO));
        acc.put(new KeyCodeCombination(KeyCode.DELETE), () -> bus.publish(CanvasCommand.CLEAR));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(CanvasCommand.CLEAR));
        acc.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), toggleTheme);
        acc.put(new KeyCodeCombination(KeyCode.F11), () -> {
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
    }
}
