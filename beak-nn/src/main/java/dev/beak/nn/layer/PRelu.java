package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Parametric ReLU (He et al., 2015, "Delving Deep into Rectifiers"): {@code y = x} for {@code x > 0},
 * else {@code slope * x}, with a learned slope per channel (or one shared), initialised to {@code init}
 * (the paper's 0.25).
 *
 * <p>Shapes: input (N, C, *) or (N, C); output = input; slope (C), or (1) when {@code shared}.
 */
public record PRelu(boolean shared, float init) implements LayerSpec {
    @Override public String baseName() { return "prelu"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        return Shapes.single(type(), inputs).clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] in = outputShape(inputs);
        Tensor slope = Tensor.full(init, shared || in.length == 0 ? 1 : in[0]);
        List<Parameter> params = List.of(new Parameter("weight", slope));
        return new Layer() {
            @Override public Tensor forward(boolean training, Tensor... x) { return Ops.prelu(x[0], slope); }

            @Override public List<Parameter> parameters() { return params; }
        };
    }
}
