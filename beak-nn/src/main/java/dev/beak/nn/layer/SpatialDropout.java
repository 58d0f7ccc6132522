package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Dropout of whole channels (Tompson et al., 2015, "Efficient Object Localization Using Convolutional
 * Networks"; Keras' SpatialDropout1D/2D): in training each channel of each sample is zeroed with
 * probability {@code rate}, the others scaled by {@code 1 / (1 - rate)}; identity in evaluation. Masks
 * come from the layer's {@link RandomStream}, as {@link Dropout}'s do. Shapes: input (N, C, *); output = input.
 */
public record SpatialDropout(float rate) implements LayerSpec {
    public SpatialDropout {
        if (!(rate >= 0f && rate < 1f)) throw new IllegalArgumentException("SpatialDropout rate must be in [0, 1), got " + rate);
    }

    @Override public String baseName() { return "spatial_dropout"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length < 2) throw new IllegalArgumentException("SpatialDropout expects (C, *) per sample, got " + Shape.toString(in));
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] in = outputShape(inputs);
        RandomStream masks = new RandomStream(rng.nextLong());
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... x) {
                if (!training || rate == 0f) return x[0];
                int n = x[0].dim(0), c = in[0];
                int[] shape = new int[in.length + 1];
                Arrays.fill(shape, 1);
                shape[0] = n;
                shape[1] = c;
                SplittableRandom r = masks.next();
                float keep = 1f / (1f - rate);
                float[] m = new float[n * c];
                for (int i = 0; i < m.length; i++) m[i] = r.nextDouble() < rate ? 0f : keep;
                return Ops.mul(x[0], Tensor.of(m, shape));
            }

            @Override
            public Map<String, RandomStream> randomStreams() {
                return Map.of("masks", masks);
            }
        };
    }
}
