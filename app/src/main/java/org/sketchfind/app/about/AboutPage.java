package org.sketchfind.app.about;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.sketchfind.app.Resources;
import org.sketchfind.app.collection.CollectionModel;
import org.sketchfind.engine.Sketchfind;

/** What Sketchfind is, which model indexes the collection, and the licences of everything it ships. */
public final class AboutPage implements org.sketchfind.app.kit.Page {
    private final VBox view;

    public AboutPage(CollectionModel collection) {
        Label title = new Label("About Sketchfind");
        title.getStyleClass().add("page-title");
        Label what = new Label("Find photos in your own collection by sketching them. Sketchfind implements "
                + "Zero-Shot Sketch-Image Hashing (Shen et al., CVPR 2018): sketches and photos are encoded into "
                + "short binary codes and ranked by how well the codes agree, so it also finds kinds of objects it was "
                + "never trained on.");
        what.setWrapText(true);
        Label model = new Label();
        model.setId("aboutModel");
        model.getStyleClass().add("section-title");
        model.textProperty().bind(collection.modelProperty().map(m -> "Model indexing your photos: " + m));
        Label data = new Label("Sketchfind " + Sketchfind.version() + " · Java " + System.getProperty("java.version")
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        data.setId("aboutVersions");
        data.getStyleClass().add("page-subtitle");
        Label keys = new Label("Shortcuts: Ctrl+Z undo · Ctrl+Y redo · Ctrl+E eraser · Delete or Ctrl+L clear the "
                + "sketch · Ctrl+S save / Ctrl+O open a sketch or an image · Ctrl+T light/dark · Ctrl+D demo mode · "
                + "F11 full screen · double-click a result to open it, right-click for more like it");
        keys.setId("aboutShortcuts");
        keys.setWrapText(true);
        Label licTitle = new Label("Licences");
        licTitle.getStyleClass().add("section-title");
        TextArea licences = new TextArea(Resources.text("licenses.txt"));
        licences.setId("licences");
        licences.setEditable(false);
        licences.setWrapText(true);
        VBox.setVgrow(licences, Priority.ALWAYS);
        view = new VBox(10, title, what, model, data, keys, licTitle, licences);
        view.setId("aboutPage");
        view.getStyleClass().add("page-pane");
    }

    @Override
    public String id() {
        return "about";
    }

    @Override
    public String title() {
        return "About";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignI.INFORMATION_OUTLINE;
    }

    @Override
    public Node view() {
        return view;
    }
}
