package dev.beak.io;

import dev.beak.config.RecordConfig;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.ActivationLayer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.ops.Padding;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the layer descriptions of format-version-1 model files, where each layer wrote its own
 * configuration: type names per variant ({@code BatchNorm2d}, {@code GlobalMaxPool}, {@code Relu}),
 * pairs for 2-d sizes ({@code "kernel": [3, 3]}), optional keys with defaults, initializers as
 * {@code {"name": ...}} and explicit padding as a list. Each is rewritten into the generic form of
 * version 2 and read by {@link LayerTypes}, so the rules here are the only trace of version 1.
 */
final class LegacyLayerConfig {
    private LegacyLayerConfig() {}

    /** Version-1 defaults of optional keys, by key (the same for every layer that had the key). */
    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("use_bias", true), Map.entry("activation", "linear"), Map.entry("groups", 1),
            Map.entry("dilation", 1), Map.entry("dilation_h", 1), Map.entry("dilation_w", 1),
            Map.entry("kernel_initializer", "glorot_uniform"), Map.entry("bias_initializer", "zeros"),
            Map.entry("ceil_mode", false), Map.entry("count_include_pad", true), Map.entry("keep_dims", false),
            Map.entry("momentum", 0.1), Map.entry("epsilon", 1e-5), Map.entry("axis", 0), Map.entry("axes", 0),
            Map.entry("output_padding", 0), Map.entry("shared", false), Map.entry("init", 0.25));

    /** The spec that a version-1 layer of {@code type} with {@code config} described. */
    static LayerSpec read(String type, Map<String, Object> config) {
        Map<String, Object> c = new LinkedHashMap<>(config == null ? Map.of() : config);
        for (Activation a : Activation.values()) {
            if (new ActivationLayer(a).type().equals(type)) return new ActivationLayer(a);
        }
        String v2 = switch (type) {
            case "BatchNorm1d", "BatchNorm2d" -> {
                c.put("dims", type.equals("BatchNorm1d") ? 1 : 2);
                yield "BatchNorm";
            }
            case "GlobalMaxPool", "GlobalAvgPool" -> {
                c.put("reduction", type.equals("GlobalMaxPool") ? "max" : "avg");
                yield "GlobalPool";
            }
            default -> type;
        };
        Class<? extends LayerSpec> spec = LayerTypes.classOf(v2);
        if (c.get("pads") instanceof List<?> pads && pads.size() == 2) {   // ConvTranspose1d
            c.remove("pads");
            c.put("pad_begin", pads.get(0));
            c.put("pad_end", pads.get(1));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : spec.getRecordComponents()) {
            String key = RecordConfig.key(rc.getName());
            Object v = c.containsKey(key) ? c.get(key) : pairHalf(c, key);
            if (v == null) v = DEFAULTS.get(key);
            if (v == null) v = DEFAULTS.get(key.replaceFirst("_[hw]$", ""));
            out.put(key, convert(key, v, rc.getType()));
        }
        return LayerTypes.read(v2, out);
    }

    /** {@code kernel_h} from {@code "kernel": [h, w]} or {@code "kernel": k}. */
    private static Object pairHalf(Map<String, Object> c, String key) {
        if (!key.endsWith("_h") && !key.endsWith("_w")) return null;
        Object v = c.get(key.substring(0, key.length() - 2));
        if (v instanceof List<?> l && l.size() == 2) return l.get(key.endsWith("_h") ? 0 : 1);
        return v instanceof Number ? v : null;
    }

    /** Version-1 value forms that differ: initializers {@code {"name": ...}}, padding lists. */
    private static Object convert(String key, Object v, Class<?> type) {
        if (key.endsWith("_initializer") && v instanceof Map<?, ?> m && m.get("name") instanceof String name) {
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, x) -> r.put(String.valueOf(k), x));
            r.remove("name");
            if (r.isEmpty()) return name;
            r.put("type", name);
            return r;
        }
        if (key.equals("padding")) {
            if (v instanceof List<?> l && l.size() == 4) {
                return Map.of("type", "explicit", "top", l.get(0), "bottom", l.get(1), "left", l.get(2), "right", l.get(3));
            }
            if ("valid".equals(v) && type == Padding.Explicit.class) return Map.of("top", 0, "bottom", 0, "left", 0, "right", 0);
        }
        if (key.equals("activation") && v instanceof String s) return s.toLowerCase(Locale.ROOT);
        return v;
    }
}
