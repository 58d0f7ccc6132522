package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * Maxout (Goodfellow et al., 2013, "Maxout Networks"): the C input channels are read as C/k groups of
 * k consecutive linear pieces (put a Dense or Conv2d with k times the units before it), and each
 * group gives its maximum.
 *
 * <p>Shapes: input (N, C, *) or (N, C) with k dividing C; output (N, C/k, *).
 */
public record Maxout(int pieces) implements LayerSpec {
    public Maxout {
        if (pieces < 1) throw new IllegalArgumentException("Maxout pieces must be >= 1, got " + pieces);
    }

    @Override public String baseName() { return "maxout"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs).clone();
        if (in.length < 1 || in[0] % pieces != 0) {
            throw new IllegalArgumentException("Maxout: per-sample input " + Shape.toString(in) + " has channels not divisible into pieces of " + pieces);
        }
        in[0] /= pieces;
        return in;
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.maxout(x[0], pieces);
    }
}
