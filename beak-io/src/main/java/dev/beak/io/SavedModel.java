package dev.beak.io;

import dev.beak.data.preprocess.Preprocessing;
import dev.beak.nn.Model;

import java.util.List;
import java.util.Map;

/**
 * A model with what travels in its file: free-form metadata (e.g. its test accuracy), the
 * preprocessing fitted on its training data (applied before {@code predict}), and class names.
 */
public record SavedModel(Model model, Map<String, String> metadata, Preprocessing preprocessing, List<String> classNames) {
    public SavedModel {
        metadata = Map.copyOf(metadata);
        preprocessing = preprocessing == null ? Preprocessing.NONE : preprocessing;
        classNames = List.copyOf(classNames);
    }

    public SavedModel(Model model, Map<String, String> metadata) {
        this(model, metadata, Preprocessing.NONE, List.of());
    }
}
