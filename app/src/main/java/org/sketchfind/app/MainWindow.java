package org.sketchfind.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.sketchfind.app.about.AboutPage;
import org.sketchfind.app.collection.CollectionPage;
import org.sketchfind.app.collection.FolderPicker;
import org.sketchfind.app.demo.DemoDrawings;
import org.sketchfind.app.demo.DemoMode;
import org.sketchfind.app.event.ModelActivated;
import org.sketchfind.app.event.ModelFileAdded;
import org.sketchfind.app.event.Navigate;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.NavSidebar;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.models.ModelEntry;
import org.sketchfind.app.models.ModelsPage;
import org.sketchfind.app.research.EvaluationPage;
import org.sketchfind.app.research.TsnePage;
import org.sketchfind.app.search.SearchPage;
import org.sketchfind.app.training.TrainingPage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window's content: navigation on the left (pages, then demo mode and the theme), the current page in the
 * middle, the status bar below; and demo mode, which takes the whole window.
 */
public final class MainWindow {
    private final AppServices services;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final NavSidebar sidebar;
    private String current;
    private Scene scene;
    private DemoMode demo;
    private boolean demoLocked;
    private Duration demoIdle = DemoMode.DEFAULT_IDLE;

    public MainWindow(AppServices services, FolderPicker picker) {
        this.services = services;
        SearchPage search = new SearchPage(services, scene -> services.themes().manage(scene));
        Path research = services.photos().dataDir().resolve("research");
        ModelsPage models = new ModelsPage(services.models(), services.dialogs());
        List<Page> all = List.of(search, new CollectionPage(services.collection(), picker), models,
                new TrainingPage(services.training(), services.dialogs(), services.io(), services.bus()),
                new TsnePage(services.engine(), services.models(), services.dialogs(), services.io(), research),
                new EvaluationPage(services.engine(), services.models(), services.dialogs(), services.io(), research),
                new AboutPage(services.collection()));
        for (Page p : all) {
            pages.put(p.id(), p);
            Node v = p.view();
            v.setVisible(false);
            content.getChildren().add(v);
        }
        content.getStyleClass().add("page-area");
        Button demoButton = Buttons.of("demoToggle", "Demo mode", MaterialDesignP.PRESENTATION_PLAY,
                "Full screen with a large canvas, for conferences and kiosks (Ctrl+D)", this::enterDemo);
        demoButton.getStyleClass().add("nav-footer-button");
        demoButton.setMaxWidth(Double.MAX_VALUE);
        Button theme = Buttons.of("themeToggle", "Light / dark", MaterialDesignT.THEME_LIGHT_DARK,
                "Switch between the light and the dark theme (Ctrl+T)", () -> services.themes().toggle());
        theme.getStyleClass().add("nav-footer-button");
        theme.setMaxWidth(Double.MAX_VALUE);
        sidebar = new NavSidebar("Sketchfind", all, this::show, new VBox(2, demoButton, theme));
        root.setLeft(sidebar);
        root.setCenter(content);
        root.setBottom(new AppStatusBar(services.bus()).node());
        root.setId("mainWindow");
        services.bus().subscribe(Navigate.class, n -> show(n.pageId()));
        services.bus().subscribe(ModelActivated.class, m -> services.collection().refresh());
        services.bus().subscribe(ModelFileAdded.class, a -> {
            ModelEntry e = services.models().add(a.file(), ModelEntry.Source.RUN);
            if (a.show()) {
                show(ModelsPage.ID);
                models.select(e);
            }
        });
        show(SearchPage.ID);
        services.collection().refresh();
        services.models().refresh();
    }

    /** Builds the scene: theme, shortcuts. */
    public Scene createScene(double width, double height) {
        scene = new Scene(root, width, height);
        services.themes().manage(scene);
        Shortcuts.install(scene, services.bus(), () -> services.themes().toggle(), () -> {
            if (demo == null) {
                enterDemo();
            } else if (!demoLocked) {
                leaveDemo();
            }
        });
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

    /**
     * Demo mode: the whole window (full screen) becomes a large canvas with large results; the pages come back with
     * Ctrl+D or Ctrl+Shift+Q, unless {@code --demo} started the app in it ({@link #lockDemo}).
     */
    public void enterDemo() {
        if (demo != null || scene == null) {
            return;
        }
        demo = new DemoMode(services.search(), services.searchExecutor(), demoIdle,
                demoLocked ? null : this::leaveDemo);
        Path drawings = DemoDrawings.folder(services.repoRoot());
        services.io().call(() -> DemoDrawings.load(drawings), d -> {
            if (demo != null) {
                demo.setDrawings(d);
            }
        }, e -> { });
        scene.setRoot((Parent) demo.view());
        if (scene.getWindow() instanceof Stage stage) {
            stage.setFullScreenExitKeyCombination(demoLocked ? KeyCombination.NO_MATCH
                    : KeyCombination.keyCombination("Esc"));
            stage.setFullScreenExitHint(demoLocked ? "" : "Ctrl+D leaves demo mode");
            stage.setFullScreen(true);
        }
        demo.canvas().requestFocus();
    }

    public void leaveDemo() {
        if (demo == null) {
            return;
        }
        demo.close();
        demo = null;
        scene.setRoot(root);
        if (scene.getWindow() instanceof Stage stage) {
            stage.setFullScreen(false);
            stage.setFullScreenExitHint("Press F11 or Esc to leave full screen");
        }
    }

    /** Started with {@code --demo}: demo mode cannot be left (only the app quit, from outside). */
    public void lockDemo() {
        demoLocked = true;
    }

    /** The inactivity before the attract loop (tests shorten it). */
    public void setDemoIdle(Duration idle) {
        demoIdle = idle;
    }

    public DemoMode demo() {
        return demo;
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
