package dev.beak.io;

import java.io.IOException;

/**
 * A file that could be read but whose content is wrong: a bad header, offsets out of range, data cut
 * short. The message starts with the file (or stream) name, then says what was wrong and where.
 */
public final class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public FileFormatException(String source, String problem) {
        this(source, problem, null);
    }

    public FileFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or stream name the problem was found in. */
    public String source() {
        return source;
    }

    /** What was wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
