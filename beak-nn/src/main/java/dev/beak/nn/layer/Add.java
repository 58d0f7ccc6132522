package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Element-wise sum of two or more inputs of one shape: the join of a residual connection
 * (He et al., 2016, "Deep Residual Learning for Image Recognition"). Shapes: inputs (N, ...) all
 * alike; output the same.
 */
public record Add() implements LayerSpec {
    @Override public String baseName() { return "add"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        if (inputs.length < 2) throw new IllegalArgumentException("Add takes two or more inputs, got " + inputs.length);
        for (int i = 1; i < inputs.length; i++) {
            if (!Arrays.equals(inputs[i], inputs[0])) {
                throw new IllegalArgumentException("Add: input " + i + " is " + Shape.toString(inputs[i]) + " but input 0 is "
                        + Shape.toString(inputs[0]) + " (a residual branch must keep the shape; project the shortcut with a 1x1 conv)");
            }
        }
        return inputs[0].clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> {
            Tensor sum = x[0];
            for (int i = 1; i < x.length; i++) sum = Ops.add(sum, x[i]);
            return sum;
        };
    }
}
