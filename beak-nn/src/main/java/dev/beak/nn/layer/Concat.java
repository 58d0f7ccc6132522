package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * Joins its inputs along a per-sample axis; {@code axis} 0 is the channels of (C, H, W) feature maps,
 * as in an Inception block (Szegedy et al., 2015, "Going Deeper with Convolutions"). Negative axes
 * count from the end. Shapes: inputs (N, ..., a_i, ...) alike outside the axis; output
 * (N, ..., sum a_i, ...).
 */
public record Concat(int axis) implements LayerSpec {
    /** Concatenation over channels. */
    public Concat() {
        this(0);
    }

    @Override public String baseName() { return "concat"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        if (inputs.length < 1) throw new IllegalArgumentException("Concat takes at least one input");
        int rank = inputs[0].length, ax = axis < 0 ? axis + rank : axis;
        if (ax < 0 || ax >= rank) {
            throw new IllegalArgumentException("Concat axis " + axis + " is outside per-sample shape " + Shape.toString(inputs[0]));
        }
        int[] out = inputs[0].clone();
        for (int i = 1; i < inputs.length; i++) {
            boolean ok = inputs[i].length == rank;
            for (int d = 0; ok && d < rank; d++) ok = d == ax || inputs[i][d] == out[d];
            if (!ok) {
                throw new IllegalArgumentException("Concat on axis " + axis + ": input " + i + " is " + Shape.toString(inputs[i])
                        + ", input 0 is " + Shape.toString(inputs[0]) + " (they may differ only on that axis)");
            }
            out[ax] += inputs[i][ax];
        }
        return out;
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int batchAxis = (axis < 0 ? axis + inputs[0].length : axis) + 1;
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.concat(batchAxis, x);
    }
}
