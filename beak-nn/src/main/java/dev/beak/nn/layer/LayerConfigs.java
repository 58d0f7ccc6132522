package dev.beak.nn.layer;

import java.util.List;
import java.util.Map;

/** Rebuilds a {@link LayerSpec} from its type name and {@link LayerSpec#config()} (model files). */
public final class LayerConfigs {
    private LayerConfigs() {}

    public static LayerSpec fromConfig(String type, Map<String, Object> c) {
        try {
            ActivationLayer activation = ActivationLayer.ofType(type);
            if (activation != null) return activation;
            return switch (type) {
                case "Conv2d" -> Conv2d.fromConfig(c);
                case "Conv1d" -> Conv1d.fromConfig(c);
                case "ConvTranspose2d" -> ConvTranspose2d.fromConfig(c);
                case "ConvTranspose1d" -> ConvTranspose1d.fromConfig(c);
                case "MaxPool2d" -> MaxPool2d.fromConfig(c);
                case "MaxPool1d" -> MaxPool1d.fromConfig(c);
                case "AvgPool2d" -> AvgPool2d.fromConfig(c);
                case "AvgPool1d" -> AvgPool1d.fromConfig(c);
                case "LpPool2d" -> LpPool2d.fromConfig(c);
                case "LpPool1d" -> LpPool1d.fromConfig(c);
                case "GlobalMaxPool" -> GlobalPool.fromConfig(GlobalPool.Reduction.MAX, c);
                case "GlobalAvgPool" -> GlobalPool.fromConfig(GlobalPool.Reduction.AVG, c);
                case "Flatten" -> new Flatten();
                case "Dense" -> Dense.fromConfig(c);
                case "Dropout" -> new Dropout(toFloat(c.get("rate")));
                case "BatchNorm1d" -> BatchNorm.fromConfig(1, c);
                case "BatchNorm2d" -> BatchNorm.fromConfig(2, c);
                case "GroupNorm" -> GroupNorm.fromConfig(c);
                case "InstanceNorm" -> new InstanceNorm(toFloat(c.getOrDefault("epsilon", 1e-5f)));
                case "LayerNorm" -> LayerNorm.fromConfig(c);
                case "LocalResponseNorm" -> LocalResponseNorm.fromConfig(c);
                case "LeakyRelu" -> new LeakyRelu(toFloat(c.get("alpha")));
                case "Elu" -> new Elu(toFloat(c.get("alpha")));
                case "HardSigmoid" -> new HardSigmoid(toFloat(c.get("alpha")), toFloat(c.get("beta")));
                case "PRelu" -> PRelu.fromConfig(c);
                case "Maxout" -> new Maxout(toInt(c.get("pieces")));
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

    static float toFloat(Object o) {
        if (o instanceof Number n) return n.floatValue();
        throw new IllegalArgumentException("expected a number, got " + o);
    }

    static int[] pair(Map<String, Object> c, String key) {
        Object o = c.get(key);
        if (o instanceof List<?> l && l.size() == 2) return new int[] {toInt(l.get(0)), toInt(l.get(1))};
        if (o instanceof Number) return new int[] {toInt(o), toInt(o)};
        throw new IllegalArgumentException("\"" + key + "\" must be an integer or a pair of integers, got " + o);
    }
}
