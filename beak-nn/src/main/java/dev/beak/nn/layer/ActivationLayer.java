package dev.beak.nn.layer;

import java.util.Map;
import java.util.SplittableRandom;

/** An activation as a layer of its own (Keras' ReLU and Softmax layers). Shapes: output = input. */
public record ActivationLayer(Activation activation) implements LayerSpec {
    @Override public String type() {
        return switch (activation) {
            case RELU -> "Relu";
            case SOFTMAX -> "Softmax";
            case LINEAR -> "Linear";
        };
    }

    @Override public String baseName() { return type().toLowerCase(java.util.Locale.ROOT); }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        return (Layer.Stateless) (training, x) -> activation.apply(x[0]);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
