package dev.beak.nn.layer;

import java.util.SplittableRandom;

/**
 * An activation as a layer of its own (Keras' ReLU and Softmax layers). Shapes: output = input.
 * Softmax and log-softmax act on the last axis.
 */
public record ActivationLayer(Activation activation) implements LayerSpec {
    @Override public String type() {
        return switch (activation) {
            case RELU -> "Relu";
            case SOFTMAX -> "Softmax";
            case LINEAR -> "Linear";
            case SIGMOID -> "Sigmoid";
            case TANH -> "Tanh";
            case ELU -> "EluActivation";
            case SELU -> "Selu";
            case HARD_SIGMOID -> "HardSigmoidActivation";
            case HARD_SWISH -> "HardSwish";
            case SOFTPLUS -> "Softplus";
            case LOG_SOFTMAX -> "LogSoftmax";
            case RELU6 -> "Relu6";
        };
    }

    @Override public String baseName() { return activation.configName(); }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        return (Layer.Stateless) (training, x) -> activation.apply(x[0]);
    }
}
