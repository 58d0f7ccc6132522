package dev.beak.spark;

import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as the bytes of its Beak model file (architecture, weights, preprocessing, class names), the
 * form in which the driver ships it to the executors: Beak never uses Java serialization for models.
 */
final class ModelBytes {
    private ModelBytes() {}

    static byte[] of(SavedModel saved) {
        Path file = null;
        try {
            file = Files.createTempFile("beak-spark-", ".beak");
            ModelFile.save(saved, file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + saved.model().name() + " for the executors: " + e.getMessage(), e);
        } finally {
            delete(file);
        }
    }

    static SavedModel load(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("beak-spark-", ".beak");
            Files.write(file, bytes);
            return ModelFile.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model sent by the driver: " + e.getMessage(), e);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the OS cleans its temp folder
        }
    }
}
