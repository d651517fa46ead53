package org.sketchfind.engine;

import java.nio.file.Path;

/**
 * A 2-D t-SNE of a model's codes of seen and unseen sketches and photos ({@link Sketchfind#tsne}).
 *
 * @param model      model file, or null for the shipped default
 * @param data       data set root
 * @param points     points in all: every unseen item up to half of them, the rest drawn from the seen classes
 * @param perplexity t-SNE perplexity (lowered for small sets)
 * @param out        output folder; {@code name} is the file name stem of the CSV and PNG
 * @param split      split column of classes.tsv
 * @param cache      feature cache folder, or null for the default
 */
public record TsneRequest(Path model, Path data, int points, double perplexity, long seed, Path out, String name,
                          String split, Path cache) {
}
