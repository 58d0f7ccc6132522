package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Group normalisation (Wu and He, 2018): per sample, the channels in G groups, each group normalised
 * over its channels and positions; per-channel gamma (ones) and beta (zeros). Same in training and
 * evaluation.
 *
 * <p>Shapes: input (N, C, *) with G dividing C; output = input; gamma, beta (C).
 */
public record GroupNorm(int groups, float epsilon) implements LayerSpec {
    public GroupNorm {
        if (groups < 1 || !(epsilon > 0)) throw new IllegalArgumentException("GroupNorm needs groups >= 1 and epsilon > 0, got " + groups + ", " + epsilon);
    }

    @Override public String baseName() { return "group_norm"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length < 2 || in[0] % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: per-sample input " + Shape.toString(in) + " must be (C, *) with "
                    + groups + " groups dividing C");
        }
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = outputShape(inputs)[0];
        Tensor gamma = Tensor.full(1f, c), beta = Tensor.zeros(c);
        List<Parameter> params = List.of(new Parameter("weight", gamma), new Parameter("bias", beta));
        return new Layer() {
            @Override public Tensor forward(boolean training, Tensor... x) { return Ops.groupNorm(x[0], gamma, beta, groups, epsilon); }

            @Override public List<Parameter> parameters() { return params; }
        };
    }
}
