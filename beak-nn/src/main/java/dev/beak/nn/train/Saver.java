package dev.beak.nn.train;

import dev.beak.nn.Model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a model to a file, for {@link ModelCheckpoint}. beak-nn cannot see the model-file format;
 * beak-io's {@code ModelFile::save} (atomic) is the usual one: {@code ModelCheckpoint.best(path, "val_loss", ModelFile::save)}.
 */
@FunctionalInterface
public interface Saver {
    void save(Model model, Path file) throws IOException;
}
