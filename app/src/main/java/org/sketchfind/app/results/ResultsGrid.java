package org.sketchfind.app.results;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;
import org.sketchfind.engine.Hit;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The virtualised grid of result thumbnails (ControlsFX GridView): rank, distance, double-click to open, a context
 * menu with "More like this". A new set of results starts at the top.
 */
public final class ResultsGrid extends GridView<Hit> {
    public static final double TILE = 132;
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();

    /**
     * @param onOpen receives the hit and its 1-based rank on double-click; {@code onMoreLike} the hit whose code to
     *               search with
     */
    public ResultsGrid(BiConsumer<Hit, Integer> onOpen, Consumer<Hit> onMoreLike) {
        this(TILE, onOpen, onMoreLike);
    }

    public ResultsGrid(double tile, BiConsumer<Hit, Integer> onOpen, Consumer<Hit> onMoreLike) {
        super();
        setItems(hits);
        setId("resultsGrid");
        getStyleClass().add("results-grid");
        setCellWidth(tile + 12);
        setCellHeight(tile + 36);
        setHorizontalCellSpacing(6);
        setVerticalCellSpacing(6);
        ThumbnailImages images = new ThumbnailImages(tile, 400);
        setCellFactory(g -> new ResultCell(tile, images, () -> hits, onOpen, onMoreLike));
    }

    /** Shows new results, scrolled to the first. */
    public void show(List<Hit> newHits) {
        hits.setAll(newHits);
        scrollToTop();
    }

    public void clear() {
        hits.clear();
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Brings the first row into view (the grid otherwise keeps the old scroll position across new results). */
    public void scrollToTop() {
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            flow.scrollTo(0);
            flow.setPosition(0);
        }
    }

    /** Where the grid is scrolled: 0 at the top, 1 at the bottom (tests). */
    public double scrollPosition() {
        VirtualFlow<?> flow = flow();
        return flow == null ? 0 : flow.getPosition();
    }

    /** The index of the first visible row, or -1 (tests). */
    public int firstVisibleRow() {
        VirtualFlow<?> flow = flow();
        return flow == null || flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
    }

    /** Scrolls so that row {@code row} is the first visible one (tests: a user scrolling down). */
    public void scrollToRow(int row) {
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            flow.scrollToTop(row);
        }
    }

    private VirtualFlow<?> flow() {
        return lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }
}
