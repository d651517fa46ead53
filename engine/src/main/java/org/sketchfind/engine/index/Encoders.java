package org.sketchfind.engine.index;

/**
 * Chooses the active photo encoder: the ONE place to change when a learnt model becomes the default (the backbone
 * + ITQ encoder, later the ZSIH image encoder f). Codes are stored per model id, so changing what this returns makes
 * the next scan re-encode every photo with the new model, without mixing codes.
 */
public final class Encoders {
    private Encoders() {
    }

    /** The encoder the catalogue uses now. */
    public static PhotoEncoder active() {
        return new AverageHashEncoder();
    }
}
