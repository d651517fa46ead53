package org.sketchfind.engine;

/**
 * The active hashing model.
 *
 * @param id       stable identifier (codes are stored per id)
 * @param name     human-readable name
 * @param method   the method independent of the bit length (a row of a paper-style table)
 * @param bits     code length
 * @param backbone the frozen backbone whose features it reads
 * @param card     the model card (Markdown) stored in a ZSIH model file, or null for a model without one
 */
public record ModelInfo(String id, String name, String method, int bits, String backbone, String card) {
}
