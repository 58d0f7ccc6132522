package dev.beak.nn.layer;

import dev.beak.ops.Ops;

import java.util.SplittableRandom;

/**
 * Leaky ReLU (Maas, Hannun and Ng, 2013): {@code y = x} for {@code x > 0}, else {@code alpha * x}.
 * PyTorch's default alpha is 0.01, Keras 3's 0.2. Shapes: output = input.
 */
public record LeakyRelu(float alpha) implements LayerSpec {
    @Override public String baseName() { return "leaky_relu"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        return (Layer.Stateless) (training, x) -> Ops.leakyRelu(x[0], alpha);
    }
}
