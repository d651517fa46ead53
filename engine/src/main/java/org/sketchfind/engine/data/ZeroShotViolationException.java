package org.sketchfind.engine.data;

/** Thrown when unseen-class (or unknown-class) data is about to enter a training-side data set. */
public class ZeroShotViolationException extends IllegalArgumentException {
    public ZeroShotViolationException(String message) {
        super(message);
    }
}
