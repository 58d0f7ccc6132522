package dev.beak.nn.layer;

import dev.beak.ops.Ops;

import java.util.SplittableRandom;

/**
 * Exponential linear unit (Clevert, Unterthiner and Hochreiter, 2015): {@code y = x} for {@code x > 0},
 * else {@code alpha * (exp(x) - 1)}. Shapes: output = input.
 */
public record Elu(float alpha) implements LayerSpec {
    @Override public String baseName() { return "elu"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        return (Layer.Stateless) (training, x) -> Ops.elu(x[0], alpha);
    }
}
