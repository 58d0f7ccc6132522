package dev.beak.nn.train;

import dev.beak.nn.Model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a full checkpoint (model and {@link TrainingState}) to a file, for {@link ModelCheckpoint#full}.
 * beak-nn cannot see the file format; beak-io's {@code CheckpointFile} writes one (atomically) that is
 * also a model file.
 */
@FunctionalInterface
public interface CheckpointWriter {
    void write(Model model, TrainingState state, Path file) throws IOException;
}
