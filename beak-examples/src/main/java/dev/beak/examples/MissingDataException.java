package dev.beak.examples;

/** An example's data is not installed; the message names the package (or command) that provides it. */
public final class MissingDataException extends Exception {
    private static final long serialVersionUID = 1L;

    public MissingDataException(String message) {
        super(message);
    }
}
