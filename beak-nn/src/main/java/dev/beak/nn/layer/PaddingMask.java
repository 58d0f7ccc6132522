package dev.beak.nn.layer;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Marks the real tokens of a padded sequence: 1 where the token id is not {@code paddingIndex}, 0 where
 * it is. Its output is the second input of a masked {@link GlobalPool}, which then pools over the real
 * positions only (so a short text is not judged by its padding).
 *
 * <p>Shapes: input (N, L) of token ids; output (N, L) of 0 and 1. It has no gradient.
 * {@snippet :
 * var ids = Functional.input(40);
 * var mask = ids.then(Layers.paddingMask(0));
 * var features = ids.then(Layers.embedding(5000, 64).withPaddingIndex(0)).then(Layers.conv1d(100, 3).withPadding(Padding.SAME));
 * var pooled = Functional.apply(Layers.globalMaxPool(), features, mask);
 * }
 */
public record PaddingMask(int paddingIndex) implements LayerSpec {
    @Override public String baseName() { return "padding_mask"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length != 1) throw new IllegalArgumentException("PaddingMask expects per-sample input (L) of token ids, got " + Shape.toString(in));
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> {
            float[] ids = x[0].data(), m = new float[ids.length];
            for (int i = 0; i < ids.length; i++) m[i] = ids[i] == paddingIndex ? 0f : 1f;
            return Tensor.of(m, x[0].shape());
        };
    }
}
