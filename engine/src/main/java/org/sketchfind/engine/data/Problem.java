package org.sketchfind.engine.data;

/**
 * One malformed input item found by a reader, which then goes on with the rest.
 *
 * @param file  the file's path as given to the reader
 * @param line  1-based line number for line-oriented files, or 0 where it does not apply
 * @param cause what is wrong, in words a user understands
 */
public record Problem(String file, int line, String cause) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + cause : file + ": " + cause;
    }
}
