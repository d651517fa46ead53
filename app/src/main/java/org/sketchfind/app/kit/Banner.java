package org.sketchfind.app.kit;

import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** An inline message (hint, information or error) that takes no space while hidden. */
public final class Banner extends Label {
    public enum Kind {
        HINT(MaterialDesignL.LIGHTBULB_OUTLINE), INFO(MaterialDesignI.INFORMATION_OUTLINE),
        ERROR(MaterialDesignA.ALERT_CIRCLE_OUTLINE);

        final Ikon icon;

        Kind(Ikon icon) {
            this.icon = icon;
        }

        String styleClass() {
            return "banner-" + name().toLowerCase();
        }
    }

    public Banner(String id) {
        setId(id);
        getStyleClass().add("banner");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        hide();
    }

    public void show(Kind kind, String text) {
        for (Kind k : Kind.values()) {
            getStyleClass().remove(k.styleClass());
        }
        getStyleClass().add(kind.styleClass());
        setGraphic(Icons.of(kind.icon, 18));
        setText(text);
        setVisible(true);
        setManaged(true);
    }

    public void hide() {
        setText("");
        setVisible(false);
        setManaged(false);
    }

    public boolean isShowing() {
        return isVisible();
    }
}
