package org.sketchfind.engine;

/**
 * How a search ranks the collection's photos. Query expansion, photo queries and "more like this" always rank by
 * {@link #HAMMING}; a drawing ranks by the best its model and the catalogue allow ({@link PhotoCollection#DEFAULT_RANKING}).
 */
public enum SearchRanking {
    /** Hamming distance between the query's code and the photos' codes. */
    HAMMING("hamming"),
    /**
     * The sketch encoder's real-valued outputs against the photos' codes
     * ({@link org.sketchfind.engine.code.AsymmetricScore}; rule R4).
     */
    ASYMMETRIC("asymmetric"),
    /**
     * The cosine of the sketch encoder's and the photos' stored real-valued outputs
     * ({@link org.sketchfind.engine.code.CosineScore}; rule R7). Needs every photo's outputs in the catalogue.
     */
    REAL_VALUED("real-valued");

    private final String label;

    SearchRanking(String label) {
        this.label = label;
    }

    /** The name the command line prints and its {@code --json} key {@code ranking} holds. */
    public String label() {
        return label;
    }
}
