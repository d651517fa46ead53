package org.sketchfind.engine.index;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Indexing throughput on the 3,125 Sketchy photos of ../shared/data (opt-in), with the model-free dHash encoder so
 * the figure is the catalogue's own cost (walk, SHA-256, decode, thumbnail, SQLite): one decoding thread against
 * one per core. Run: {@code ./mvnw -o -pl engine -am test -Pbench -Dtest=IndexerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures in engine/target/surefire-reports/*IndexerBenchmark-output.txt.
 */
@Tag("benchmark")
class IndexerBenchmark {
    @TempDir
    Path tmp;

    @Test
    void photosPerSecondByDecodingThreads() throws Exception {
        Path photos = TestData.sharedOrSkip().resolve("sketchy").resolve("photo");
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {1, cores}) {
            Path data = tmp.resolve("data-" + threads);
            try (Catalogue c = Catalogue.open(data);
                 Indexer ix = new Indexer(c, new AverageHashEncoder(),
                         Indexer.Options.defaults().decodeThreads(threads))) {
                ScanResult r = ix.addFolder(photos, null).await();
                long t0 = System.nanoTime();
                ScanResult again = ix.rescan(null).await();
                double rescanMs = (System.nanoTime() - t0) / 1e6;
                assertEquals(r.filesSeen(), r.added());
                assertEquals(r.filesSeen(), again.unchanged());
                System.out.printf(Locale.ROOT, "index %d photos, %d decoding thread(s) of %d cores: %.1f s = %.0f"
                                + " photos/s; unchanged rescan %.0f ms%n", r.filesSeen(), threads, cores, r.seconds(),
                        r.filesSeen() / r.seconds(), rescanMs);
            }
        }
    }
}
