package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.Locale;

/** Activations that a layer can apply to its output. */
public enum Activation {
    LINEAR, RELU, SOFTMAX;

    public Tensor apply(Tensor x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> Ops.relu(x);
            case SOFTMAX -> Ops.softmax(x);
        };
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromConfigName(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation \"" + s + "\" (known: linear, relu, softmax)");
        }
    }
}
