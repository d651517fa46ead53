package org.sketchfind.app.kit;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.nio.file.Path;

/**
 * A two-column form (label, field) with a tooltip per row, and typed reads of text fields that name the field in
 * the error (an IllegalArgumentException a page shows as it is).
 */
public final class Form extends GridPane {
    private int row;

    public Form() {
        getStyleClass().add("form");
        setHgap(10);
        setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().addAll(labels, fields);
    }

    /** Adds a row; returns the field. */
    public <T extends Node> T row(String label, T field, String tooltip) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (tooltip != null) {
            Tooltip t = new Tooltip(tooltip);
            t.setWrapText(true);
            t.setMaxWidth(420);
            l.setTooltip(t);
            if (field instanceof javafx.scene.control.Control c) {
                c.setTooltip(t);
            }
        }
        add(l, 0, row);
        add(field, 1, row);
        GridPane.setFillWidth(field, true);
        row++;
        return field;
    }

    /** A text field holding {@code value}, with an id. */
    public static TextField text(String id, Object value) {
        TextField f = new TextField(value == null ? "" : value.toString());
        f.setId(id);
        f.setPrefColumnCount(10);
        return f;
    }

    public static int readInt(TextField f, String name, int min) {
        try {
            int v = Integer.parseInt(f.getText().strip());
            if (v < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + f.getText() + "'");
        }
    }

    public static long readLong(TextField f, String name, long min) {
        try {
            long v = Long.parseLong(f.getText().strip());
            if (v < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + f.getText() + "'");
        }
    }

    public static double readDouble(TextField f, String name) {
        try {
            double v = Double.parseDouble(f.getText().strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + f.getText() + "'");
        }
    }

    /** The path in {@code f}, or null when empty. */
    public static Path readPath(TextField f) {
        String s = f.getText().strip();
        return s.isEmpty() ? null : Path.of(s);
    }
}
