package dev.beak.keras;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Keras model configuration into a {@link KerasGraph}: Keras 2 and TensorFlow.js configs
 * ({@code inbound_nodes} as {@code [[name, node, tensor, kwargs], ...]}) and Keras 3 configs
 * ({@code inbound_nodes} as {@code {"args": [...], "kwargs": {...}}} holding {@code __keras_tensor__}
 * entries with a {@code keras_history}); Sequential, Functional and models nested in either.
 */
final class KerasTopology {
    private KerasTopology() {}

    static boolean isModel(String className) {
        return className.equals("Sequential") || className.equals("Functional") || className.equals("Model");
    }

    /** The graph of a model entry: {@code {"class_name": ..., "config": ...}}. */
    static KerasGraph parse(JsonNode model) {
        String cls = text(model, "class_name", "the model");
        JsonNode config = model.get("config");
        if (config == null) throw new KerasFormatException("the model entry has no \"config\"");
        if (cls.equals("Sequential")) return sequential(config);
        if (cls.equals("Functional") || cls.equals("Model")) return functional(config);
        throw new KerasFormatException("the top-level object is a " + cls + ", not a Sequential or Functional model (a subclassed model "
                + "cannot be rebuilt from its configuration)");
    }

    private static KerasGraph sequential(JsonNode config) {
        JsonNode list = config.isArray() ? config : config.get("layers");
        if (list == null || !list.isArray() || list.isEmpty()) throw new KerasFormatException("the Sequential model lists no layers");
        String name = config.isArray() ? "sequential" : config.path("name").asText("sequential");
        List<KerasLayer> layers = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        int[] inputShape = null;
        String inputName = name + "_input";
        int start = 0;
        JsonNode first = list.get(0);
        if (text(first, "class_name", "layer 0").equals("InputLayer")) {
            inputShape = batchShape(first.get("config"), true);
            inputName = first.path("config").path("name").asText(first.path("name").asText(inputName));
            start = 1;
        } else {
            inputShape = batchShape(first.get("config"), false);
            if (inputShape == null) inputShape = buildShape(first);
        }
        if (inputShape == null) throw new KerasFormatException("the Sequential model " + name + " declares no input shape (it was never built)");
        KerasGraph.TensorRef previous = new KerasGraph.TensorRef(inputName, 0, 0);
        for (int i = start; i < list.size(); i++) {
            KerasLayer l = layer(list.get(i), List.of(List.of(previous)), keys);
            layers.add(l);
            previous = new KerasGraph.TensorRef(l.name(), 0, 0);
        }
        return new KerasGraph(name, layers, List.of(new KerasGraph.TensorRef(inputName, 0, 0)), List.of(inputShape), List.of(previous));
    }

    private static KerasGraph functional(JsonNode config) {
        String name = config.path("name").asText("model");
        JsonNode list = config.get("layers");
        if (list == null || !list.isArray()) throw new KerasFormatException("the functional model " + name + " lists no layers");
        List<KerasLayer> layers = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        Map<String, int[]> inputShapes = new HashMap<>();
        for (JsonNode entry : list) {
            String cls = text(entry, "class_name", "a layer of " + name);
            JsonNode inbound = entry.path("inbound_nodes");
            List<List<KerasGraph.TensorRef>> calls = new ArrayList<>();
            for (JsonNode call : inbound) calls.add(call.isObject() ? keras3Call(call) : keras2Call(call));
            KerasLayer l = layer(entry, calls, keys);
            if (cls.equals("InputLayer")) inputShapes.put(l.name(), batchShape(entry.get("config"), true));
            else layers.add(l);
        }
        List<KerasGraph.TensorRef> inputs = refs(config.get("input_layers"), "input_layers of " + name);
        List<int[]> shapes = new ArrayList<>();
        for (KerasGraph.TensorRef r : inputs) {
            int[] s = inputShapes.get(r.layer());
            if (s == null) throw new KerasFormatException("input " + r.layer() + " of " + name + " is not an InputLayer with a shape");
            shapes.add(s);
        }
        return new KerasGraph(name, layers, inputs, shapes, refs(config.get("output_layers"), "output_layers of " + name));
    }

    private static KerasLayer layer(JsonNode entry, List<List<KerasGraph.TensorRef>> calls, Map<String, Integer> keys) {
        String cls = text(entry, "class_name", "a layer");
        JsonNode config = entry.get("config");
        if (config == null) throw new KerasFormatException("a " + cls + " layer has no config");
        String name = entry.has("name") ? entry.get("name").asText() : config.path("name").asText(snakeCase(cls));
        String key = snakeCase(cls);
        int n = keys.merge(key, 1, Integer::sum);
        if (n > 1) key = key + "_" + (n - 1);
        KerasGraph nested = isModel(cls) ? parse(entry) : null;
        return new KerasLayer(cls, name, config, calls, nested, key);
    }

    private static List<KerasGraph.TensorRef> keras2Call(JsonNode call) {
        List<KerasGraph.TensorRef> refs = new ArrayList<>();
        for (JsonNode r : call) refs.add(ref(r));
        return refs;
    }

    private static List<KerasGraph.TensorRef> keras3Call(JsonNode call) {
        List<KerasGraph.TensorRef> refs = new ArrayList<>();
        collectTensors(call.get("args"), refs);
        return refs;
    }

    private static void collectTensors(JsonNode node, List<KerasGraph.TensorRef> out) {
        if (node == null) return;
        if (node.isObject() && "__keras_tensor__".equals(node.path("class_name").asText())) {
            out.add(ref(node.path("config").path("keras_history")));
        } else if (node.isArray() || node.isObject()) {
            for (JsonNode child : node) collectTensors(child, out);
        }
    }

    private static List<KerasGraph.TensorRef> refs(JsonNode list, String what) {
        if (list == null || !list.isArray() || list.isEmpty()) throw new KerasFormatException("the model config has no " + what);
        if (list.get(0).isTextual()) return List.of(ref(list));
        List<KerasGraph.TensorRef> refs = new ArrayList<>();
        for (JsonNode r : list) refs.add(ref(r));
        return refs;
    }

    private static KerasGraph.TensorRef ref(JsonNode r) {
        if (!r.isArray() || r.size() < 3 || !r.get(0).isTextual()) throw new KerasFormatException("a tensor reference " + r + " is not [layer, node, tensor]");
        return new KerasGraph.TensorRef(r.get(0).asText(), r.get(1).asInt(), r.get(2).asInt());
    }

    /** The sample shape (batch dropped) of {@code batch_input_shape}, {@code batch_shape} or {@code batchInputShape}; null when absent. */
    static int[] batchShape(JsonNode config, boolean required) {
        JsonNode s = config == null ? null : config.has("batch_input_shape") ? config.get("batch_input_shape")
                : config.has("batch_shape") ? config.get("batch_shape") : config.get("batchInputShape");
        if (s == null || !s.isArray()) {
            if (required) throw new KerasFormatException("an InputLayer declares no batch_input_shape or batch_shape");
            return null;
        }
        return sampleShape(s);
    }

    private static int[] buildShape(JsonNode entry) {
        JsonNode s = entry.path("build_config").get("input_shape");
        return s == null || !s.isArray() ? null : sampleShape(s);
    }

    private static int[] sampleShape(JsonNode s) {
        int[] shape = new int[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            if (!s.get(i).canConvertToInt() || s.get(i).asInt() < 1) {
                throw new KerasFormatException("input shape " + s + " has an unknown or bad size at axis " + i
                        + " (Beak needs a fixed sample shape; only the batch size may be null)");
            }
            shape[i - 1] = s.get(i).asInt();
        }
        return shape;
    }

    private static String text(JsonNode node, String field, String what) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual()) throw new KerasFormatException(what + " has no \"" + field + "\"");
        return v.asText();
    }

    /** Keras' snake case of a class name, as its weights files name containers: {@code Conv2DTranspose} -> {@code conv2d_transpose}. */
    static String snakeCase(String name) {
        String s = name.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(Locale.ROOT);
    }
}
