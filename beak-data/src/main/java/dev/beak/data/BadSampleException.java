package dev.beak.data;

/**
 * Thrown from {@code Dataset.copy} (which cannot throw checked exceptions) when a lazily decoded
 * sample turns out to be bad; {@link #problem()} names the file and what was wrong.
 */
public final class BadSampleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadSampleException(DataFileException problem) {
        super(problem.getMessage(), problem);
    }

    public DataFileException problem() {
        return (DataFileException) getCause();
    }
}
