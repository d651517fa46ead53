package org.sketchfind.app.kit;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;

/** Buttons with an icon, a label (or none) and a tooltip. */
public final class Buttons {
    private Buttons() {
    }

    public static Button of(String id, String text, Ikon ikon, String tooltip, Runnable action) {
        Button b = new Button(text, ikon == null ? null : Icons.of(ikon, 16));
        b.setId(id);
        if (tooltip != null) {
            b.setTooltip(new Tooltip(tooltip));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    /** An icon-only button (the tooltip names it). */
    public static Button icon(String id, Ikon ikon, String tooltip, Runnable action) {
        Button b = of(id, null, ikon, tooltip, action);
        b.getStyleClass().add("icon-button");
        return b;
    }
}
