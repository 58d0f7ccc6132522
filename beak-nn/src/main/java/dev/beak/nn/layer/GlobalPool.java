package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Global max or average pooling over all positions (global average pooling: Lin, Chen and Yan, 2013,
 * "Network In Network"). Shapes: input (N, C, *); output (N, C), or (N, C, 1, ..., 1) with
 * {@code keepDims} (ONNX's GlobalAveragePool keeps them).
 *
 * <p>With a second input, a mask (N, *) of the input's spatial shape (from {@link PaddingMask}), only
 * the positions whose mask is not 0 are pooled: padded positions of a sequence never win the maximum
 * nor dilute the mean. A sample with no position left pools to 0.
 */
public record GlobalPool(Reduction reduction, boolean keepDims) implements LayerSpec {
    /** How the positions of a channel are reduced. */
    public enum Reduction { MAX, AVG }

    public GlobalPool withKeepDims(boolean keep) {
        return new GlobalPool(reduction, keep);
    }

    @Override public String type() { return reduction == Reduction.MAX ? "GlobalMaxPool" : "GlobalAvgPool"; }

    @Override public String baseName() { return reduction == Reduction.MAX ? "global_max_pooling" : "global_average_pooling"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        if (inputs.length != 1 && inputs.length != 2) throw new IllegalArgumentException(type() + " takes an input and an optional mask, got " + inputs.length + " inputs");
        int[] in = inputs[0];
        if (inputs.length == 2 && !java.util.Arrays.equals(inputs[1], java.util.Arrays.copyOfRange(in, 1, in.length))) {
            throw new IllegalArgumentException(type() + ": the mask " + Shape.toString(inputs[1]) + " must have the input's spatial shape "
                    + Shape.toString(java.util.Arrays.copyOfRange(in, 1, in.length)) + " (input " + Shape.toString(in)
                    + "; give the convolutions before it SAME padding so that the sequence keeps its length)");
        }
        if (in.length < 2) throw new IllegalArgumentException(type() + " expects per-sample input (C, *) with spatial axes, got " + Shape.toString(in));
        int[] out = new int[keepDims ? in.length : 1];
        java.util.Arrays.fill(out, 1);
        out[0] = in[0];
        return out;
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] out = Shape.prepend(-1, outputShape(inputs));
        return (Layer.Stateless) (training, x) -> {
            Tensor y = x.length == 2
                    ? (reduction == Reduction.MAX ? Ops.maskedGlobalMaxPool(x[0], x[1]) : Ops.maskedGlobalAvgPool(x[0], x[1]))
                    : (reduction == Reduction.MAX ? Ops.globalMaxPool(x[0]) : Ops.globalAvgPool(x[0]));
            return keepDims ? Ops.reshape(y, out) : y;
        };
    }
}
