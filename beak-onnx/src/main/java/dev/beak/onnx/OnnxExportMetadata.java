package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.config.RecordConfig;
import dev.beak.io.SavedModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exported model carries besides its graph, as ONNX {@code metadata_props} (string keys and
 * values, JSON where the value is structured), each written only when the model has it:
 * <ul>
 * <li>{@code beak.class_names}: a JSON array of the class names, output index order;</li>
 * <li>{@code beak.preprocessing}: the fitted preprocessing steps, as in model.json
 *     ({@code {"steps": [...]}}); the arrays of per-pixel means and whitening are not included;</li>
 * <li>{@code beak.input_geometry}: how an image file becomes the input (size, colour, resize, range);</li>
 * <li>{@code beak.metadata}: the model file's free-form metadata, a JSON object of strings.</li>
 * </ul>
 */
final class OnnxExportMetadata {
    static final String CLASS_NAMES = "beak.class_names", PREPROCESSING = "beak.preprocessing", INPUT_GEOMETRY = "beak.input_geometry",
            METADATA = "beak.metadata";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExportMetadata() {}

    static void write(SavedModel saved, ModelProto.Builder m) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (!saved.classNames().isEmpty()) props.put(CLASS_NAMES, saved.classNames());
        if (!saved.preprocessing().isEmpty()) props.put(PREPROCESSING, saved.preprocessing().config());
        if (saved.inputGeometry() != null) props.put(INPUT_GEOMETRY, RecordConfig.write(saved.inputGeometry()));
        if (!saved.metadata().isEmpty()) props.put(METADATA, new java.util.TreeMap<>(saved.metadata()));
        props.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(json(v))));
    }

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata as JSON: " + e.getMessage(), e);
        }
    }
}
