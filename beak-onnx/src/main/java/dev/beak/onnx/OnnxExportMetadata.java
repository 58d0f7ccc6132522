package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.config.RecordConfig;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.io.SavedModel;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exported model carries besides its graph, as ONNX {@code metadata_props} (string keys and
 * values, JSON where the value is structured), each written only when the model has it:
 * <ul>
 * <li>{@code beak.class_names}: a JSON array of the class names, output index order;</li>
 * <li>{@code beak.preprocessing}: the fitted preprocessing steps as in model.json ({@code "steps"}) and
 *     their arrays (per-pixel means, whitening matrices) by name ({@code "tensors": {"0.mean":
 *     {"shape": [...], "values": [...]}}});</li>
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
        if (!saved.preprocessing().isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>(saved.preprocessing().config());
            Map<String, Object> tensors = new LinkedHashMap<>();
            saved.preprocessing().tensors().forEach((name, t) -> tensors.put(name, Map.of("shape", t.shape(), "values", t.data())));
            p.put("tensors", tensors);
            props.put(PREPROCESSING, p);
        }
        if (saved.inputGeometry() != null) props.put(INPUT_GEOMETRY, RecordConfig.write(saved.inputGeometry()));
        if (!saved.metadata().isEmpty()) props.put(METADATA, new java.util.TreeMap<>(saved.metadata()));
        props.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(json(v))));
    }

    /** The model file parts that {@link #write} put in {@code m}'s metadata, around {@code model}. */
    @SuppressWarnings("unchecked")
    static SavedModel read(ModelProto m, dev.beak.nn.Model model, String file) {
        Map<String, String> props = new LinkedHashMap<>();
        for (StringStringEntryProto e : m.getMetadataPropsList()) props.put(e.getKey(), e.getValue());
        try {
            List<String> classes = props.containsKey(CLASS_NAMES) ? JSON.readValue(props.get(CLASS_NAMES), List.class) : List.of();
            Map<String, String> metadata = props.containsKey(METADATA) ? JSON.readValue(props.get(METADATA), Map.class) : Map.of();
            InputGeometry geometry = props.containsKey(INPUT_GEOMETRY)
                    ? RecordConfig.read(InputGeometry.class, JSON.readValue(props.get(INPUT_GEOMETRY), Map.class)) : null;
            Preprocessing preprocessing = Preprocessing.NONE;
            if (props.containsKey(PREPROCESSING)) {
                Map<String, Object> p = JSON.readValue(props.get(PREPROCESSING), Map.class);
                Map<String, Tensor> tensors = new LinkedHashMap<>();
                ((Map<String, Map<String, List<Number>>>) p.getOrDefault("tensors", Map.of())).forEach((name, t) -> {
                    float[] v = new float[t.get("values").size()];
                    for (int i = 0; i < v.length; i++) v[i] = t.get("values").get(i).floatValue();
                    tensors.put(name, Tensor.of(v, t.get("shape").stream().mapToInt(Number::intValue).toArray()));
                });
                preprocessing = Preprocessing.fromConfig(p, tensors);
            }
            return new SavedModel(model, metadata, preprocessing, classes, geometry, null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": Beak's metadata in the ONNX file is malformed (" + e.getMessage() + ")", e);
        }
    }

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata as JSON: " + e.getMessage(), e);
        }
    }
}
