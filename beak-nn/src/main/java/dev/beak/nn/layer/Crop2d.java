package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * Cuts rows and columns off the borders of feature maps (Keras' Cropping2D). Shapes: input
 * (N, C, H, W); output (N, C, H - top - bottom, W - left - right).
 */
public record Crop2d(int top, int bottom, int left, int right) implements LayerSpec {
    public Crop2d {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("Crop2d amounts must be >= 0, got " + top + ", " + bottom + ", " + left + ", " + right);
        }
    }

    @Override public String baseName() { return "cropping2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        int h = in[1] - top - bottom, w = in[2] - left - right;
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("Crop2d: cropping " + top + "+" + bottom + " rows and " + left + "+" + right
                    + " columns leaves nothing of input " + Shape.toString(in));
        }
        return new int[] {in[0], h, w};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] out = outputShape(inputs);
        long[] starts = {top, left}, ends = {top + out[1], left + out[2]};
        return (Layer.Stateless) (training, x) -> Ops.slice(x[0], starts, ends, new int[] {2, 3}, null);
    }
}
