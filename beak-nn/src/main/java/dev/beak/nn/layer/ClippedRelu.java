package dev.beak.nn.layer;

import dev.beak.ops.Ops;

import java.util.SplittableRandom;

/**
 * ReLU with a slope below zero and a ceiling (Keras' ReLU layer with {@code negative_slope} and
 * {@code max_value}): {@code y = min(x >= 0 ? x : negativeSlope * x, maxValue)}. Shapes: output = input.
 */
public record ClippedRelu(float negativeSlope, float maxValue) implements LayerSpec {
    public ClippedRelu {
        if (!(negativeSlope >= 0 && negativeSlope <= 1) || !(maxValue > 0)) {
            throw new IllegalArgumentException("ClippedRelu needs a slope in [0, 1] and a ceiling > 0, got " + negativeSlope + ", " + maxValue);
        }
    }

    @Override public String baseName() { return "re_lu"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.clip(negativeSlope == 0 ? Ops.relu(x[0]) : Ops.leakyRelu(x[0], negativeSlope),
                -Float.MAX_VALUE, maxValue);
    }
}
