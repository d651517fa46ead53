package org.sketchfind.app.models;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sketchfind.engine.ModelInfo;

import java.nio.file.Path;

/** One model the app knows: its file, where it came from, its card once read (or why it cannot be), and whether it
 * is the collection's model. FX thread only. */
public final class ModelEntry {
    /** Where a model came from. */
    public enum Source {
        SHIPPED("shipped"), RUN("training run"), ADDED("added by you");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Path file;
    private final Source source;
    private final ObjectProperty<ModelInfo> info = new SimpleObjectProperty<>(this, "info");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");

    public ModelEntry(Path file, Source source) {
        this.file = file;
        this.source = source;
    }

    public Path file() {
        return file;
    }

    public Source source() {
        return source;
    }

    /** The model's description once read (null before, and when it cannot be read). */
    public ObjectProperty<ModelInfo> infoProperty() {
        return info;
    }

    /** Why the file is not a usable model, or null. */
    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** The name to list: the model's own, or the file name until it is read. */
    public String displayName() {
        return info.get() != null ? info.get().name() : file.getFileName().toString();
    }
}
