package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One place that puts ND4J in the state the engine expects: float32 by default (weights, activations and new
 * arrays), set once before the first network is built. Log levels come from {@code simplelogger.properties}
 * (warnings and errors only, on stderr) so ND4J's start-up banner does not reach the command line's stdout.
 */
public final class Nd4jRuntime {
    private static volatile boolean initialised;

    private Nd4jRuntime() {
    }

    /** Idempotent: sets float32 as ND4J's default data type. */
    public static void init() {
        if (initialised) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (!initialised) {
                Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
                initialised = true;
            }
        }
    }
}
