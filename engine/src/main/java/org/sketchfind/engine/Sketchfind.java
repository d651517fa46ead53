package org.sketchfind.engine;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.data.Rasterizer;
import org.sketchfind.engine.index.CatalogueService;
import org.sketchfind.engine.index.PhotoEncoder;
import org.sketchfind.engine.index.PhotoSearch;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's facade: the one entry point the app and the command line use. It owns the backbone and the hashing
 * model (loaded on first use: the shipped default, or the model file given) and hands out the photo collection and
 * search; the app never reaches past it into {@code model}, {@code train} or {@code index} internals.
 */
public final class Sketchfind {
    private final Path modelFile;
    private HashingModel model;

    /** The shipped default model (or {@code -Dsketchfind.model=FILE}). */
    public Sketchfind() {
        this(null);
    }

    /** The given model file (a ZSIH model zip or an ITQ file); null for the default. */
    public Sketchfind(Path modelFile) {
        this.modelFile = modelFile;
    }

    /** One search result: a photo of the collection, its thumbnail (may be null) and Hamming distance. */
    public record Hit(long photoId, Path path, Path thumbnail, int distance) {
    }

    /** What a search returns: hits best first, the model that encoded the query, and how long it took. */
    public record SearchResult(List<Hit> hits, String model, int bits, int searched, double encodeMillis,
                               double searchMillis) {
    }

    /** Name, id and bit length of the active model. */
    public record ModelInfo(String id, String name, int bits) {
    }

    /** Scans a data set folder (Sketchy, Quick, Draw!, TU-Berlin, class folders of photos); see {@link Dataset}. */
    public Dataset scanDataset(Path dir, Dataset.Options options) throws IOException {
        return Dataset.scan(dir, options);
    }

    /**
     * The feature extractor of the backbone {@code name} (the process's one ONNX Runtime session of it), loaded on
     * first use from {@code models/<name>}.
     *
     * @throws IOException if the weights are missing or fail their checksums
     */
    public FeatureExtractor featureExtractor(String backbone) throws IOException {
        return FeatureExtractor.of(backbone);
    }

    /** The hashing model (loaded on first use, on the backbone it was trained on). */
    public synchronized HashingModel model() throws IOException {
        if (model == null) {
            Path file = modelFile != null ? modelFile : HashingModels.defaultModelFile();
            model = HashingModels.load(file);
        }
        return model;
    }

    public ModelInfo modelInfo() throws IOException {
        HashingModel m = model();
        return new ModelInfo(m.id(), m.name(), m.bits());
    }

    /** The photo collection (catalogue, indexer with this facade's model, folder watcher) stored in
     * {@code dataDir}, or in the per-user data folder when {@code dataDir} is null. The caller closes it. */
    public CatalogueService catalogue(Path dataDir) throws IOException {
        return CatalogueService.open(dataDir, photoEncoder());
    }

    /** The model's image encoder f as the catalogue's photo encoder (serialised: the model is not thread-safe). */
    public PhotoEncoder photoEncoder() throws IOException {
        HashingModel m = model();
        return new PhotoEncoder() {
            @Override
            public String modelId() {
                return m.id();
            }

            @Override
            public int bits() {
                return m.bits();
            }

            @Override
            public String displayName() {
                return m.name();
            }

            @Override
            public List<long[]> encode(List<BufferedImage> photos) {
                synchronized (Sketchfind.this) {
                    return List.of(m.encodePhotos(photos));
                }
            }
        };
    }

    /** The code of a sketch image (black strokes on white) under the sketch encoder g. */
    public synchronized long[] encodeSketch(BufferedImage sketch) throws IOException {
        return model().encodeSketches(List.of(sketch))[0];
    }

    /** The code of a photo under the image encoder f. */
    public synchronized long[] encodePhoto(BufferedImage photo) throws IOException {
        return model().encodePhotos(List.of(photo))[0];
    }

    /** Searches the collection with a drawing (strokes), rasterized as every sketch is (see {@link Rasterizer}). */
    public SearchResult search(CatalogueService collection, Drawing drawing, int k) throws IOException {
        return search(collection, Rasterizer.defaults().renderRgb(drawing), k);
    }

    /** Searches the collection with a sketch image: the {@code k} photos nearest in Hamming distance. */
    public SearchResult search(CatalogueService collection, BufferedImage sketch, int k) throws IOException {
        if (!collection.encoder().modelId().equals(model().id())) {
            throw new IllegalArgumentException("the collection was opened with another model ("
                    + collection.encoder().modelId() + ") than this engine's (" + model().id() + ")");
        }
        long t0 = System.nanoTime();
        long[] query = encodeSketch(sketch);
        long t1 = System.nanoTime();
        PhotoSearch search = collection.search();
        List<Hit> hits = search.nearest(query, k).stream()
                .map(r -> new Hit(r.id(), r.path(), r.thumbnail(), r.distance())).toList();
        long t2 = System.nanoTime();
        return new SearchResult(hits, model().name(), model().bits(), search.size(), (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);
    }
}
