package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * Local response normalisation across channels (Krizhevsky, Sutskever and Hinton, 2012), as ONNX's
 * LRN and PyTorch's LocalResponseNorm: {@code y = x / (k + alpha / size * sum of x^2 over size
 * neighbouring channels)^beta}. AlexNet: size 5, alpha 5e-4 here (the paper's 1e-4 per channel), beta 0.75, k 2.
 *
 * <p>Shapes: input (N, C, *); output = input.
 */
public record LocalResponseNorm(int size, float alpha, float beta, float k) implements LayerSpec {
    public LocalResponseNorm {
        if (size < 1) throw new IllegalArgumentException("LocalResponseNorm size must be >= 1, got " + size);
    }

    @Override public String baseName() { return "lrn"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length < 1) throw new IllegalArgumentException("LocalResponseNorm expects per-sample input (C, *), got " + Shape.toString(in));
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.localResponseNorm(x[0], size, alpha, beta, k);
    }
}
