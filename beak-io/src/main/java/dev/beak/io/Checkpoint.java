package dev.beak.io;

import dev.beak.nn.train.TrainingState;

import java.util.Map;

/**
 * A checkpoint read back: the model (weights, buffers, preprocessing, class names), the training state
 * to resume from, and the free-form settings saved with it (the command line's, for {@code beak train --resume}).
 */
public record Checkpoint(SavedModel saved, TrainingState state, Map<String, Object> settings) {
    public Checkpoint {
        settings = Map.copyOf(settings);
    }
}
