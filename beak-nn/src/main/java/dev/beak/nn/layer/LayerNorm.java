package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Layer normalisation (Ba, Kiros and Hinton, 2016): each sample normalised over its last {@code axes}
 * per-sample axes (0: all of them, PyTorch's {@code LayerNorm(x.shape[1:])}), with elementwise gamma
 * (ones) and beta (zeros) over those axes. Same in training and evaluation.
 *
 * <p>Shapes: input (N, d1, ..., dk); output = input; gamma, beta (d_{k-axes+1}, ..., dk).
 */
public record LayerNorm(int axes, float epsilon) implements LayerSpec {
    public LayerNorm {
        if (axes < 0 || !(epsilon > 0)) throw new IllegalArgumentException("LayerNorm needs axes >= 0 and epsilon > 0, got " + axes + ", " + epsilon);
    }

    @Override public String baseName() { return "layer_norm"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length < Math.max(axes, 1)) {
            throw new IllegalArgumentException("LayerNorm over the last " + axes + " axes: per-sample input " + Shape.toString(in) + " has too few");
        }
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] in = outputShape(inputs), norm = Arrays.copyOfRange(in, axes == 0 ? 0 : in.length - axes, in.length);
        Tensor gamma = Tensor.full(1f, norm), beta = Tensor.zeros(norm);
        List<Parameter> params = List.of(new Parameter("weight", gamma), new Parameter("bias", beta));
        return new Layer() {
            @Override public Tensor forward(boolean training, Tensor... x) { return Ops.layerNorm(x[0], gamma, beta, gamma.size(), epsilon); }

            @Override public List<Parameter> parameters() { return params; }
        };
    }
}
