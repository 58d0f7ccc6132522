package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Activations without parameters that a layer can apply to its output (Keras' {@code activation=}).
 * ELU uses alpha 1; HARD_SIGMOID uses ONNX's alpha 0.2, beta 0.5 (Keras 3's differs: alpha 1/6). For
 * other parameters use the layers {@link LeakyRelu}, {@link Elu}, {@link HardSigmoid}, {@link PRelu}.
 */
public enum Activation {
    LINEAR, RELU, SOFTMAX, SIGMOID, TANH, ELU, SELU, HARD_SIGMOID, HARD_SWISH, SOFTPLUS, LOG_SOFTMAX,
    /** {@code min(max(x, 0), 6)}, MobileNet's clipped ReLU (Howard et al., 2017; Sandler et al., 2018). */
    RELU6;

    public Tensor apply(Tensor x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> Ops.relu(x);
            case SOFTMAX -> Ops.softmax(x);
            case SIGMOID -> Ops.sigmoid(x);
            case TANH -> Ops.tanh(x);
            case ELU -> Ops.elu(x, 1f);
            case SELU -> Ops.selu(x);
            case HARD_SIGMOID -> Ops.hardSigmoid(x, 0.2f, 0.5f);
            case HARD_SWISH -> Ops.hardSwish(x);
            case SOFTPLUS -> Ops.softplus(x);
            case LOG_SOFTMAX -> Ops.logSoftmax(x);
            case RELU6 -> Ops.clip(x, 0f, 6f);
        };
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromConfigName(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation \"" + s + "\" (known: "
                    + Arrays.stream(values()).map(Activation::configName).collect(Collectors.joining(", ")) + ")");
        }
    }
}
