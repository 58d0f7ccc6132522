package dev.beak.nn.layer;

import dev.beak.tensor.Shape;

/** Checks on per-sample input shapes that name the layer type and what was expected. */
final class Shapes {
    private Shapes() {}

    static int[] single(String type, int[]... inputs) {
        if (inputs.length != 1) throw new IllegalArgumentException(type + " takes one input, got " + inputs.length);
        return inputs[0];
    }

    static int[] image(String type, int[]... inputs) {
        int[] in = single(type, inputs);
        if (in.length != 3) {
            throw new IllegalArgumentException(type + " expects per-sample input (C, H, W), got " + Shape.toString(in)
                    + (in.length == 1 ? " (did you forget a Reshape, or put it after Flatten?)" : ""));
        }
        return in;
    }

    static int[] vector(String type, int[]... inputs) {
        int[] in = single(type, inputs);
        if (in.length != 1) {
            throw new IllegalArgumentException(type + " expects per-sample input (features), got " + Shape.toString(in)
                    + " (add a Flatten before it)");
        }
        return in;
    }
}
