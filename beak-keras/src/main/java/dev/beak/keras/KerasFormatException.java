package dev.beak.keras;

/** Something in a Keras file that the importer cannot read; {@link KerasImporter} adds the file's name. */
final class KerasFormatException extends RuntimeException {
    KerasFormatException(String message) {
        super(message);
    }
}
