package org.sketchfind.app.kit;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli font icons with the app's style class (their colour follows the theme). */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = FontIcon.of(ikon, size);
        icon.getStyleClass().add("sf-icon");
        return icon;
    }

    public static FontIcon of(Ikon ikon) {
        return of(ikon, 18);
    }
}
