package org.sketchfind.app.kit;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One page of the main window: a thin class that assembles kit widgets around one view's model. */
public interface Page {
    /** Stable id, also used for navigation events and node ids ("search", "collection", …). */
    String id();

    String title();

    Ikon icon();

    Node view();

    /** The window the page is shown in (an owner for its dialogs), or null before it is shown. */
    default javafx.stage.Window window() {
        return view().getScene() == null ? null : view().getScene().getWindow();
    }

    /** Called each time the page becomes the visible one. */
    default void onShown() {
    }
}
