package dev.beak.nn.layer;

import dev.beak.ops.Ops;

import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al., 2014): active in training only. Shapes: output = input.
 * Each built layer draws its masks from its own random stream, split from the model's seed.
 */
public record Dropout(float rate) implements LayerSpec {
    public Dropout {
        if (!(rate >= 0f && rate < 1f)) throw new IllegalArgumentException("Dropout rate must be in [0, 1), got " + rate);
    }

    @Override public String baseName() { return "dropout"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        SplittableRandom masks = rng.split();
        return (Layer.Stateless) (training, x) -> training ? Ops.dropout(x[0], rate, masks) : x[0];
    }
}
