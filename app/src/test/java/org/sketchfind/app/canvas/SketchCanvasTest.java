package org.sketchfind.app.canvas;

import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class SketchCanvasTest {
    private SketchCanvas canvas;
    private final List<Integer> notified = new ArrayList<>();

    @Start
    void start(Stage stage) {
        canvas = new SketchCanvas();
        canvas.setOnSketchChanged(s -> notified.add(s.size()));
        stage.setScene(new Scene(canvas, 400, 400));
        stage.show();
    }

    @Test
    void dragsBecomeStrokesAndUndoClearRemoveThem(FxRobot robot) {
        robot.moveTo(canvas).moveBy(-100, -100).press(MouseButton.PRIMARY)
                .moveBy(60, 10).moveBy(60, 40).release(MouseButton.PRIMARY);
        robot.moveTo(canvas).moveBy(0, 50).press(MouseButton.PRIMARY)
                .moveBy(-50, 50).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        List<List<double[]>> strokes = canvas.strokes();
        assertEquals(2, strokes.size());
        assertTrue(strokes.get(0).size() >= 2, "first stroke has its drag points");
        double[] first = strokes.get(0).get(0);
        double[] last = strokes.get(0).get(strokes.get(0).size() - 1);
        assertTrue(last[0] - first[0] > 100, "stroke follows the drag to the right");
        assertEquals(List.of(1, 2), notified);

        robot.interact(canvas::undo);
        assertEquals(1, canvas.strokes().size());
        robot.interact(canvas::clear);
        assertEquals(0, canvas.strokes().size());
        assertFalse(canvas.undo());
        assertEquals(List.of(1, 2, 1, 0), notified);
    }
}
