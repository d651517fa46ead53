package org.sketchfind.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The Sketchfind main window. */
public final class SketchfindApp extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Sketchfind"));
        stage.setTitle("Sketchfind");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
    }
}
