package org.sketchfind.app.canvas;

import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sketchfind.engine.RecordedSketch;
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

    private void drag(FxRobot robot, double x, double y, double dx1, double dy1, double dx2, double dy2) {
        robot.moveTo(canvas).moveBy(x, y).press(MouseButton.PRIMARY)
                .moveBy(dx1, dy1).moveBy(dx2, dy2).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragsBecomeStrokesWithTheirTimingAndUndoRedoClearWalkTheHistory(FxRobot robot) {
        drag(robot, -100, -100, 60, 10, 60, 40);
        drag(robot, 0, 50, -50, 50, 0, 0);

        List<List<double[]>> strokes = canvas.strokes();
        assertEquals(2, strokes.size());
        assertTrue(strokes.get(0).size() >= 2, "first stroke has its drag points");
        double[] first = strokes.get(0).get(0);
        double[] last = strokes.get(0).get(strokes.get(0).size() - 1);
        assertTrue(last[0] - first[0] > 100, "stroke follows the drag to the right");
        assertEquals(0, first[2], 1.0, "the first point starts the clock");
        assertTrue(strokes.get(1).get(0)[2] > last[2], "each point carries its time since the drawing began");
        assertEquals(List.of(1, 2), notified);

        robot.interact(canvas::undo);
        assertEquals(1, canvas.strokes().size());
        assertTrue(canvas.canRedoProperty().get());
        robot.interact(canvas::redo);
        assertEquals(2, canvas.strokes().size(), "redo brings the stroke back");
        assertFalse(canvas.canRedoProperty().get());
        robot.interact(canvas::clear);
        assertEquals(0, canvas.strokes().size());
        robot.interact(canvas::undo);
        assertEquals(2, canvas.strokes().size(), "a clear can be undone");
        robot.interact(canvas::undo);
        robot.interact(canvas::undo);
        assertEquals(0, canvas.strokes().size());
        assertFalse(canvas.undo(), "nothing before the first stroke");
        assertEquals(List.of(1, 2, 1, 2, 0, 2, 1, 0), notified);

        // a new stroke after undo drops the redo history
        robot.interact(canvas::redo);
        drag(robot, -20, -20, 30, 30, 0, 0);
        assertFalse(canvas.canRedoProperty().get());
    }

    @Test
    void theEraserCutsStrokesWhereItPassesAndIsOneUndoStep(FxRobot robot) {
        // a horizontal line across the canvas
        drag(robot, -150, 0, 150, 0, 150, 0);
        int points = canvas.strokes().get(0).size();
        robot.interact(() -> canvas.eraserProperty().set(true));
        // rub out its middle with a vertical drag
        drag(robot, 0, -60, 0, 60, 0, 60);
        List<List<double[]>> after = canvas.strokes();
        assertEquals(2, after.size(), "the line is cut in two");
        for (List<double[]> s : after) {
            for (double[] p : s) {
                assertTrue(Math.abs(p[0] - canvas.getWidth() / 2) > SketchCanvas.ERASER_RADIUS - 3,
                        "no point left under the eraser's path: " + p[0]);
            }
        }
        assertTrue(after.get(0).size() + after.get(1).size() < points);
        robot.interact(canvas::undo);
        assertEquals(1, canvas.strokes().size(), "one undo brings the whole line back");
        assertEquals(points, canvas.strokes().get(0).size());
        // erasing empty paper changes nothing and adds no step
        drag(robot, -150, 150, 10, 10, 0, 0);
        assertEquals(1, canvas.strokes().size());
        robot.interact(() -> canvas.eraserProperty().set(false));
    }

    @Test
    void aDrawingSurvivesTheTripThroughQuickDrawNdjson(FxRobot robot) {
        drag(robot, -80, -80, 60, 20, 40, 60);
        drag(robot, 40, 40, -30, 30, 0, 0);
        List<List<double[]>> drawn = canvas.strokes();
        RecordedSketch d = SketchFiles.toRecorded(drawn, "doodle");
        assertTrue(d.timed());
        assertEquals(2, d.sketch().strokes().size());
        // back onto a canvas of the same size with no margin: the same shape, scaled to fit
        List<List<double[]>> back = SketchFiles.toStrokes(d, 400, 400, 0);
        assertEquals(drawn.get(0).size(), back.get(0).size());
        assertEquals(drawn.get(1).get(0)[2], back.get(1).get(0)[2], 1.0, "times kept");
    }
}
