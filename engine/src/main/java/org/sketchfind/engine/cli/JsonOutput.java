package org.sketchfind.engine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The {@code --json} contract: a subcommand that reports figures prints exactly one JSON object on stdout;
 * every log line goes to stderr. Keys, once published, are never renamed (add, don't rename).
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private JsonOutput() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Prints {@code value} (a Map, record or bean) as one JSON object and a newline on {@code out}. */
    public static void print(Object value, PrintStream out) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
