package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.PadOp;

import java.util.SplittableRandom;

/**
 * Pads feature maps with zeros (Keras' ZeroPadding2D). Shapes: input (N, C, H, W); output
 * (N, C, top + H + bottom, left + W + right).
 */
public record ZeroPad2d(int top, int bottom, int left, int right) implements LayerSpec {
    public ZeroPad2d {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("ZeroPad2d padding must be >= 0, got " + top + ", " + bottom + ", " + left + ", " + right);
        }
    }

    @Override public String baseName() { return "zero_padding2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        return new int[] {in[0], top + in[1] + bottom, left + in[2] + right};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        int[] before = {0, 0, top, left}, after = {0, 0, bottom, right};
        return (Layer.Stateless) (training, x) -> Ops.pad(x[0], before, after, PadOp.Mode.CONSTANT, 0f);
    }
}
