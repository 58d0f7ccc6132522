package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Instance normalisation (Ulyanov, Vedaldi and Lempitsky, 2016, "Instance Normalization: The Missing
 * Ingredient for Fast Stylization"): each channel of each sample normalised over its positions, then a
 * per-channel gamma (ones) and beta (zeros). No running statistics (PyTorch's default).
 *
 * <p>Shapes: input (N, C, *) with at least one spatial axis; output = input; gamma, beta (C).
 */
public record InstanceNorm(float epsilon) implements LayerSpec {
    public InstanceNorm {
        if (!(epsilon > 0)) throw new IllegalArgumentException("InstanceNorm needs epsilon > 0, got " + epsilon);
    }

    @Override public String baseName() { return "instance_norm"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length < 2) throw new IllegalArgumentException("InstanceNorm expects per-sample input (C, *), got " + Shape.toString(in));
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = outputShape(inputs)[0];
        Tensor gamma = Tensor.full(1f, c), beta = Tensor.zeros(c);
        List<Parameter> params = List.of(new Parameter("weight", gamma), new Parameter("bias", beta));
        return new Layer() {
            @Override public Tensor forward(boolean training, Tensor... x) { return Ops.instanceNorm(x[0], gamma, beta, epsilon); }

            @Override public List<Parameter> parameters() { return params; }
        };
    }
}
