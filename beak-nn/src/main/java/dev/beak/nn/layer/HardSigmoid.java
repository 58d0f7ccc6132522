package dev.beak.nn.layer;

import dev.beak.ops.Ops;

import java.util.SplittableRandom;

/**
 * Hard sigmoid, ONNX's form {@code y = max(0, min(1, alpha * x + beta))}, defaults alpha 0.2, beta 0.5.
 * (Keras 3's hard_sigmoid is alpha 1/6, beta 0.5; Keras 2's was alpha 0.2.) Shapes: output = input.
 */
public record HardSigmoid(float alpha, float beta) implements LayerSpec {
    @Override public String baseName() { return "hard_sigmoid"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        return (Layer.Stateless) (training, x) -> Ops.hardSigmoid(x[0], alpha, beta);
    }
}
