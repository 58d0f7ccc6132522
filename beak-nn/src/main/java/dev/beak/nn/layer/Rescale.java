package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/** {@code y = x * scale + offset} (Keras' Rescaling, e.g. 1/255 for pixels). Shapes: output = input. */
public record Rescale(float scale, float offset) implements LayerSpec {
    @Override public String baseName() { return "rescaling"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        Tensor s = Tensor.scalar(scale), o = Tensor.scalar(offset);
        return (Layer.Stateless) (training, x) -> Ops.add(Ops.mul(x[0], s), o);
    }
}
