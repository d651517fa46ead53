package org.sketchfind.engine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The {@code --json} contract: with {@code --json}, every outcome of a command, errors included, prints exactly one
 * JSON object on stdout (errors: {@code {"error": "...", "exit": N, ...}}); every log line goes to stderr. Keys, once
 * published, are never renamed (add, don't rename).
 *
 * <p>{@link Main#run} opens a session for each command line: with {@code --json} it points {@code System.out} at
 * stderr while the command runs (so that no library's print can reach stdout) and {@link #print} writes to the
 * process's real stdout; if the command ends without printing an object, {@link Main#run} prints the error object.
 */
public final class JsonOutput {
    /** Made on first use: Jackson's classes take a noticeable part of a quick command's start. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    /** One command line's output state (see {@link Main#run}). */
    static final class Session {
        final PrintStream stdout;
        final boolean json;
        int printed;
        String error;

        Session(PrintStream stdout, boolean json) {
            this.stdout = stdout;
            this.json = json;
        }
    }

    private static Session session;

    private JsonOutput() {
    }

    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    static synchronized Session begin(PrintStream stdout, boolean json) {
        session = new Session(stdout, json);
        return session;
    }

    static synchronized void end() {
        session = null;
    }

    /** Remembers why the command failed, for the error object (the first reason given wins). */
    static synchronized void recordError(String message) {
        if (session != null && session.error == null) {
            session.error = message;
        }
    }

    /**
     * Prints {@code value} (a Map, record or bean) as one JSON object and a newline: on {@code out}, or, in a
     * {@code --json} session of {@link Main#run}, on the process's real stdout (where {@code System.out} then is
     * stderr).
     */
    public static synchronized void print(Object value, PrintStream out) {
        PrintStream target = session != null && session.json ? session.stdout : out;
        try {
            target.println(Mapper.MAPPER.writeValueAsString(value));
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (session != null) {
            session.printed++;
        }
    }
}
