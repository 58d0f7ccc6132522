package dev.beak.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.nn.layer.Activation;
import dev.beak.ops.Padding;

/** Typed reads of one layer's Keras config, failing with the layer's name and the field. */
record KerasConfig(KerasLayer layer) {
    JsonNode node(String key) {
        return layer.config().get(key);
    }

    boolean has(String key) {
        JsonNode v = node(key);
        return v != null && !v.isNull();
    }

    /** {@code n} integers from an integer or a list ({@code kernel_size: 3} or {@code [3, 3]}). */
    int[] ints(String key, int n, int[] fallback) {
        JsonNode v = node(key);
        if (v == null || v.isNull()) {
            if (fallback == null) throw bad(key, "is missing");
            return fallback.clone();
        }
        int[] out = new int[n];
        if (v.canConvertToInt()) {
            java.util.Arrays.fill(out, v.asInt());
        } else if (v.isArray() && v.size() == n) {
            for (int i = 0; i < n; i++) out[i] = v.get(i).asInt();
        } else {
            throw bad(key, "is " + v + ", expected " + n + " integers");
        }
        return out;
    }

    int integer(String key, int fallback) {
        JsonNode v = node(key);
        return v == null || v.isNull() ? fallback : v.asInt();
    }

    float number(String key, float fallback) {
        JsonNode v = node(key);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw bad(key, "is " + v + ", not a number");
        return (float) v.asDouble();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = node(key);
        return v == null || v.isNull() ? fallback : v.asBoolean();
    }

    String text(String key, String fallback) {
        JsonNode v = node(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    Padding padding() {
        String p = text("padding", "valid").toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "valid" -> Padding.VALID;
            case "same" -> Padding.SAME;
            default -> throw bad("padding", "is \"" + p + "\"; Beak imports valid and same here");
        };
    }

    void requireChannelsLast() {
        String f = text("data_format", "channels_last");
        if (!f.equals("channels_last")) throw bad("data_format", "is " + f + "; only channels_last models are imported");
    }

    /** The layer's {@code activation} as Beak's; an activation Beak lacks fails naming it. */
    Activation activation() {
        JsonNode v = node("activation");
        if (v == null || v.isNull()) return Activation.LINEAR;
        String name = v.isTextual() ? v.asText() : v.path("class_name").asText(v.path("config").path("name").asText());
        return activation(name);
    }

    Activation activation(String name) {
        return switch (name) {
            case "linear" -> Activation.LINEAR;
            case "relu" -> Activation.RELU;
            case "relu6" -> Activation.RELU6;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "softplus" -> Activation.SOFTPLUS;
            case "softmax" -> Activation.SOFTMAX;
            case "log_softmax" -> Activation.LOG_SOFTMAX;
            case "hard_swish" -> Activation.HARD_SWISH;
            default -> throw bad("activation", "is \"" + name + "\", which Beak does not have (it has linear, relu, relu6, sigmoid, tanh, elu, "
                    + "selu, softplus, softmax, log_softmax, hard_swish)");
        };
    }

    KerasFormatException bad(String key, String problem) {
        return new KerasFormatException("layer " + layer.name() + " (" + layer.className() + "): " + key + " " + problem);
    }
}
