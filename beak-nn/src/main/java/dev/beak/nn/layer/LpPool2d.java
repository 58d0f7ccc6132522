package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;
import dev.beak.ops.Window2d;

import java.util.SplittableRandom;

/**
 * 2-d power-average pooling, {@code y = (sum over the window of |x|^p)^(1/p)} (ONNX's LpPool; Boureau,
 * Ponce and LeCun, 2010): p = 2 is the Euclidean norm of each window, large p approaches max pooling.
 * Shapes: input (N, C, H, W); output (N, C, oH, oW) with {@code oH = floor((H + padTop + padBottom - poolH) / strideH) + 1}.
 */
public record LpPool2d(float p, int poolH, int poolW, int strideH, int strideW, Padding padding, boolean ceilMode) implements LayerSpec {
    public LpPool2d {
        if (!(p >= 1)) throw new IllegalArgumentException("LpPool2d: p must be >= 1, got " + p);
        Window2d.of(new int[] {1, 1, poolH, poolW}, poolH, poolW, strideH, strideW, 1, 1, Padding.VALID);
    }

    public LpPool2d withStride(int s) {
        return new LpPool2d(p, poolH, poolW, s, s, padding, ceilMode);
    }

    public LpPool2d withPadding(Padding pad) {
        return new LpPool2d(p, poolH, poolW, strideH, strideW, pad, ceilMode);
    }

    @Override public String baseName() { return "lp_pooling2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        Window2d g = PoolWindow.of(new int[] {1, in[0], in[1], in[2]}, poolH, poolW, strideH, strideW, 1, 1, padding, ceilMode);
        return new int[] {in[0], g.oH(), g.oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.lpPool2d(x[0], p, poolH, poolW, strideH, strideW, padding, ceilMode);
    }
}
