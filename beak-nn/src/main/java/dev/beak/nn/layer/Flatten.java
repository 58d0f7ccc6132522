package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/** Flattens each sample: input (N, d1, d2, ...) to output (N, d1*d2*...), in row-major (C, H, W) order. */
public record Flatten() implements LayerSpec {
    @Override public String baseName() { return "flatten"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return new int[] {Shape.size(Shapes.single(type(), inputs))};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        return (Layer.Stateless) (training, x) -> Ops.flatten(x[0]);
    }
}
