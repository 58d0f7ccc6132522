package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al., 2014): active in training only. Shapes: output = input.
 * Each built layer draws its masks from its own {@link RandomStream} (seeded from the model's seed),
 * one generator per training step, so its masks repeat for a given seed and a checkpoint can save
 * the stream's position.
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
        RandomStream masks = new RandomStream(rng.nextLong());
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... x) {
                return training ? Ops.dropout(x[0], rate, masks.next()) : x[0];
            }

            @Override
            public Map<String, RandomStream> randomStreams() {
                return Map.of("masks", masks);
            }
        };
    }
}
