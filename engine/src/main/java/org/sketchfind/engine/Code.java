package org.sketchfind.engine;

/**
 * A binary code as text.
 *
 * @param bits    code length
 * @param hex     the code in hex, bit 0 first: bits 0-3 are the first digit (bit 0 its lowest bit)
 * @param encoder "sketch" (encoder g) or "photo" (encoder f)
 * @param model   the name of the model that encoded it
 */
public record Code(int bits, String hex, String encoder, String model) {
}
