package org.sketchfind.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * A t-SNE written as CSV and PNG.
 *
 * @param unseen points of unseen classes
 * @param model  the name of the model whose codes were embedded
 * @param kl     the final KL divergence, or null if none was measured
 */
public record TsneResult(int points, long unseen, String model, Double kl, List<Path> files, double seconds) {
    public TsneResult {
        files = List.copyOf(files);
    }
}
