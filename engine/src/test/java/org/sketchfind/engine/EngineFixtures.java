package org.sketchfind.engine;

import org.sketchfind.engine.index.AverageHashEncoder;
import org.sketchfind.engine.index.Catalogue;
import org.sketchfind.engine.index.CatalogueService;
import org.sketchfind.engine.index.ImageLoaderDecoder;
import org.sketchfind.engine.index.Indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Facade fixtures for tests of the engine's clients (the app's tests use them through the engine's test jar, so
 * they too hold nothing but facade types): a real {@link PhotoCollection} on a real catalogue, encoded by the
 * model-free 64-bit difference hash instead of a trained model, which is fast and deterministic and enough for tests
 * of what the clients do with a collection (retrieval quality is the engine's tests' business).
 */
public final class EngineFixtures {
    private EngineFixtures() {
    }

    /** A collection in {@code dataDir} with the default indexing options. */
    public static PhotoCollection modelFreeCollection(Path dataDir) throws IOException {
        return collection(dataDir, Indexer.Options.defaults());
    }

    /**
     * A collection whose scans are slow enough to pause and cancel by hand: one photo per batch, one decoding
     * thread, each photo decoded (by the real decoder) {@code decodeDelayMillis} late.
     */
    public static PhotoCollection slowCollection(Path dataDir, int decodeDelayMillis) throws IOException {
        ImageLoaderDecoder real = new ImageLoaderDecoder();
        return collection(dataDir, Indexer.Options.defaults().batchSize(1).decodeThreads(1).decoder(file -> {
            try {
                Thread.sleep(decodeDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.decode(file);
        }));
    }

    private static PhotoCollection collection(Path dataDir, Indexer.Options options) throws IOException {
        AverageHashEncoder encoder = new AverageHashEncoder();
        CatalogueService service = new CatalogueService(Catalogue.open(dataDir), encoder, options);
        return new PhotoCollection(service, sketch -> encoder.encode(List.of(sketch)).get(0), new Jobs(), true);
    }

    /**
     * Deletes a scratch folder and everything under it, as far as it can. For the programs among the tests (the
     * screenshot tour, the stall probe, benchmarks), which no {@code @TempDir} cleans up after: the tour and the probe
     * each leave a training run of over 1 GB.
     */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
