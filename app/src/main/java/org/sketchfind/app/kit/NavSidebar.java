package org.sketchfind.app.kit;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A vertical navigation bar: a title, one toggle per page (icon and title), and a footer slot at the bottom. */
public final class NavSidebar extends VBox {
    private final ToggleGroup group = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();

    public NavSidebar(String title, List<Page> pages, Consumer<String> onSelect, Node footer) {
        getStyleClass().add("nav-sidebar");
        setId("sidebar");
        Label heading = new Label(title);
        heading.getStyleClass().add("nav-title");
        getChildren().add(heading);
        for (Page p : pages) {
            ToggleButton b = new ToggleButton(p.title(), Icons.of(p.icon(), 20));
            b.setId("nav-" + p.id());
            b.getStyleClass().add("nav-item");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(p.title()));
            b.setOnAction(e -> {
                b.setSelected(true); // a nav item cannot be unselected by clicking it again
                onSelect.accept(p.id());
            });
            buttons.put(p.id(), b);
            getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        getChildren().add(spacer);
        if (footer != null) {
            getChildren().add(footer);
        }
    }

    /** Marks the item of {@code pageId} selected (without firing its action). */
    public void select(String pageId) {
        ToggleButton b = buttons.get(pageId);
        if (b != null) {
            b.setSelected(true);
        }
    }
}
