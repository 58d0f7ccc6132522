package dev.beak.io;

import dev.beak.data.image.InputGeometry;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.data.text.Vocabulary;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.Model;

import java.util.List;
import java.util.Map;

/**
 * A model with what travels in its file: free-form metadata (e.g. its test accuracy), the
 * preprocessing fitted on its training data (applied before {@code predict}), class names, the
 * {@link InputGeometry} that turns image files into its raw input (null when unknown: older files,
 * data that was not images), and the loss and metrics it was compiled with (null when unknown; when
 * not given, those of the model's last {@code compile}), and for a model that reads text the
 * {@link Vocabulary} that turns text into its token ids (null otherwise). The model itself carries its
 * {@link dev.beak.nn.TrainingSettings} (frozen layers, learning-rate multipliers).
 */
public record SavedModel(Model model, Map<String, String> metadata, Preprocessing preprocessing, List<String> classNames,
                         InputGeometry inputGeometry, CompileConfig compileConfig, Vocabulary vocabulary) {
    public SavedModel {
        metadata = Map.copyOf(metadata);
        preprocessing = preprocessing == null ? Preprocessing.NONE : preprocessing;
        classNames = List.copyOf(classNames);
        if (compileConfig == null && model != null) compileConfig = model.compileConfig().orElse(null);
    }

    public SavedModel(Model model, Map<String, String> metadata, Preprocessing preprocessing, List<String> classNames,
                      InputGeometry inputGeometry, CompileConfig compileConfig) {
        this(model, metadata, preprocessing, classNames, inputGeometry, compileConfig, null);
    }

    public SavedModel(Model model, Map<String, String> metadata, Preprocessing preprocessing, List<String> classNames) {
        this(model, metadata, preprocessing, classNames, null, null);
    }

    public SavedModel(Model model, Map<String, String> metadata) {
        this(model, metadata, Preprocessing.NONE, List.of());
    }
}
