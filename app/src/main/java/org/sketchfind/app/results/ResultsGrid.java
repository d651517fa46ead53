package org.sketchfind.app.results;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.controlsfx.control.GridView;
import org.sketchfind.engine.Hit;

import java.util.List;
import java.util.function.BiConsumer;

/** The virtualised grid of result thumbnails (ControlsFX GridView): rank, distance, double-click to open. */
public final class ResultsGrid extends GridView<Hit> {
    public static final double TILE = 132;
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();

    /** @param onOpen receives the hit and its 1-based rank on double-click */
    public ResultsGrid(BiConsumer<Hit, Integer> onOpen) {
        super();
        setItems(hits);
        setId("resultsGrid");
        getStyleClass().add("results-grid");
        setCellWidth(TILE + 12);
        setCellHeight(TILE + 36);
        setHorizontalCellSpacing(6);
        setVerticalCellSpacing(6);
        ThumbnailImages images = new ThumbnailImages(TILE, 400);
        setCellFactory(g -> new ResultCell(TILE, images, () -> hits, onOpen));
    }

    public void show(List<Hit> newHits) {
        hits.setAll(newHits);
    }

    public void clear() {
        hits.clear();
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }
}
