package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Parametric ReLU with a slope per position as well as per channel (Keras' PReLU, whose slopes have
 * the sample's shape with any shared axes of size 1): {@code y = max(x, 0) + slope * min(x, 0)}.
 * For one slope per channel use {@link PRelu}.
 *
 * <p>Shapes: input (N, d1, ...); slope {@code slopeShape}, of the input's rank with each entry 1 or the
 * input's size; output = input.
 */
public record PReluNd(int[] slopeShape, float init) implements LayerSpec {
    public PReluNd {
        slopeShape = slopeShape.clone();
    }

    @Override public int[] slopeShape() { return slopeShape.clone(); }

    @Override
    public boolean equals(Object other) {
        return other instanceof PReluNd o && java.util.Arrays.equals(slopeShape, o.slopeShape) && init == o.init;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(slopeShape) * 31 + Float.hashCode(init);
    }

    @Override
    public String toString() {
        return "PReluNd[" + java.util.Arrays.toString(slopeShape) + ", " + init + "]";
    }

    @Override public String baseName() { return "prelu"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        boolean ok = in.length == slopeShape.length;
        for (int i = 0; ok && i < in.length; i++) ok = slopeShape[i] == 1 || slopeShape[i] == in[i];
        if (!ok) throw new IllegalArgumentException("PReluNd: slope " + Shape.toString(slopeShape) + " does not fit input " + Shape.toString(in));
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        Tensor slope = Tensor.full(init, slopeShape), zero = Tensor.scalar(0f);
        int[] batched = Shape.prepend(1, slopeShape);
        List<Parameter> params = List.of(new Parameter("weight", slope));
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... x) {
                return Ops.add(Ops.relu(x[0]), Ops.mul(Ops.reshape(slope, batched), Ops.minimum(x[0], zero)));
            }

            @Override public List<Parameter> parameters() { return params; }
        };
    }
}
