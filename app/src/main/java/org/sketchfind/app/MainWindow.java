package org.sketchfind.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.sketchfind.app.about.AboutPage;
import org.sketchfind.app.collection.CollectionPage;
import org.sketchfind.app.collection.FolderPicker;
import org.sketchfind.app.event.Navigate;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.NavSidebar;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.search.SearchPage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The main window's content: navigation on the left, the current page in the middle, the status bar below. */
public final class MainWindow {
    private final AppServices services;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final NavSidebar sidebar;
    private String current;

    public MainWindow(AppServices services, FolderPicker picker) {
        this.services = services;
        SearchPage search = new SearchPage(services.search(), services.searchExecutor(), services.bus(),
                scene -> services.themes().manage(scene));
        List<Page> all = List.of(search, new CollectionPage(services.collection(), picker),
                new AboutPage(services.collection()));
        for (Page p : all) {
            pages.put(p.id(), p);
            Node v = p.view();
            v.setVisible(false);
            content.getChildren().add(v);
        }
        content.getStyleClass().add("page-area");
        Button theme = Buttons.of("themeToggle", "Light / dark", MaterialDesignT.THEME_LIGHT_DARK,
                "Switch between the light and the dark theme (Ctrl+T)", () -> services.themes().toggle());
        theme.getStyleClass().add("nav-footer-button");
        theme.setMaxWidth(Double.MAX_VALUE);
        sidebar = new NavSidebar("Sketchfind", all, this::show, theme);
        root.setLeft(sidebar);
        root.setCenter(content);
        root.setBottom(new AppStatusBar(services.bus()).node());
        root.setId("mainWindow");
        services.bus().subscribe(Navigate.class, n -> show(n.pageId()));
        show(SearchPage.ID);
        services.collection().refresh();
    }

    /** Builds the scene: theme, shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        services.themes().manage(scene);
        Shortcuts.install(scene, services.bus(), () -> services.themes().toggle());
        return scene;
    }

    public void show(String pageId) {
        Page p = pages.get(pageId);
        if (p == null || pageId.equals(current)) {
            return;
        }
        for (Page other : pages.values()) {
            other.view().setVisible(other == p);
        }
        current = pageId;
        sidebar.select(pageId);
        p.onShown();
    }

    public String currentPage() {
        return current;
    }

    public Page page(String id) {
        return pages.get(id);
    }

    public BorderPane root() {
        return root;
    }
}
