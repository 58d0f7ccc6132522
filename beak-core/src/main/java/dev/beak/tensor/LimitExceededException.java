package dev.beak.tensor;

/**
 * A file or a node asked for more than {@link Limits} allow (values, pixels, inflated bytes, nodes).
 * Loaders catch it where they know the file and report it under their own error type.
 */
public final class LimitExceededException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }
}
