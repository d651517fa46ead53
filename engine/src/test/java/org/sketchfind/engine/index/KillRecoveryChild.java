package org.sketchfind.engine.index;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The process {@link KillRecoveryTest} kills: indexes FOLDER into DATA_DIR with the real dHash encoder, printing
 * one line per progress event on stdout. Run with {@code -Dsketchfind.encoder.sleepMsPerBatch=N} so it is slow
 * enough to be caught mid-scan. Arguments: DATA_DIR FOLDER BATCH_SIZE.
 */
public final class KillRecoveryChild {
    private KillRecoveryChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Paths.get(args[0]);
        Path folder = Paths.get(args[1]);
        int batch = Integer.parseInt(args[2]);
        try (Catalogue catalogue = Catalogue.open(data);
             Indexer indexer = new Indexer(catalogue, new AverageHashEncoder(),
                     Indexer.Options.defaults().batchSize(batch))) {
            ScanResult r = indexer.addFolder(folder, p -> {
                System.out.println("progress " + p.phase() + " " + p.done() + " " + p.total());
                System.out.flush();
            }).await();
            System.out.println("finished " + r.added());
        }
    }
}
