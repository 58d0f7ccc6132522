package dev.beak.data;

import java.io.IOException;

/**
 * A file that could be read but whose content is wrong: a bad header, truncated data, labels out of
 * range, a model file or safetensors header that does not add up. The message always starts with the
 * file (or resource or stream) name, then says what was wrong and where.
 */
public final class DataFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public DataFileException(String source, String problem) {
        this(source, problem, null);
    }

    public DataFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or resource name the problem was found in. */
    public String source() {
        return source;
    }

    /** What was wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
