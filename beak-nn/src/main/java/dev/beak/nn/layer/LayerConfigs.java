package dev.beak.nn.layer;

import java.util.List;
import java.util.Map;

/** Rebuilds a {@link LayerSpec} from its type name and {@link LayerSpec#config()} (model files). */
public final class LayerConfigs {
    private LayerConfigs() {}

    public static LayerSpec fromConfig(String type, Map<String, Object> c) {
        try {
            return switch (type) {
                case "Conv2d" -> Conv2d.fromConfig(c);
                case "MaxPool2d" -> MaxPool2d.fromConfig(c);
                case "Flatten" -> new Flatten();
                case "Dense" -> Dense.fromConfig(c);
                case "Relu" -> Layers.relu();
                case "Softmax" -> Layers.softmax();
                case "Linear" -> new ActivationLayer(Activation.LINEAR);
                case "Dropout" -> new Dropout(((Number) c.get("rate")).floatValue());
                case "Add" -> new Add();
                case "Concat" -> new Concat(toInt(c.getOrDefault("axis", 0)));
                default -> throw new IllegalArgumentException("unknown layer type \"" + type + "\"");
            };
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("bad configuration for layer type " + type + ": " + c, e);
        }
    }

    static int toInt(Object o) {
        if (o instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
        throw new IllegalArgumentException("expected an integer, got " + o);
    }

    static int[] pair(Map<String, Object> c, String key) {
        Object o = c.get(key);
        if (o instanceof List<?> l && l.size() == 2) return new int[] {toInt(l.get(0)), toInt(l.get(1))};
        if (o instanceof Number) return new int[] {toInt(o), toInt(o)};
        throw new IllegalArgumentException("\"" + key + "\" must be an integer or a pair of integers, got " + o);
    }
}
