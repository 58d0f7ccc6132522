package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;
import dev.beak.ops.Window2d;

import java.util.SplittableRandom;

/**
 * 2-d average pooling with PyTorch's options: ceil mode, and whether padded positions count in the
 * divisor ({@code countIncludePad}, PyTorch's default true; Keras excludes them). Shapes: input
 * (N, C, H, W); output (N, C, oH, oW) with {@code oH = floor((H + padTop + padBottom - poolH) / strideH) + 1}
 * (ceil in ceil mode). The stride defaults to the pool size.
 */
public record AvgPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding, boolean ceilMode,
                        boolean countIncludePad) implements LayerSpec {
    public AvgPool2d {
        Window2d.of(new int[] {1, 1, poolH, poolW}, poolH, poolW, strideH, strideW, 1, 1, Padding.VALID);
    }

    public AvgPool2d withStride(int s) {
        return new AvgPool2d(poolH, poolW, s, s, padding, ceilMode, countIncludePad);
    }

    public AvgPool2d withPadding(Padding p) {
        return new AvgPool2d(poolH, poolW, strideH, strideW, p, ceilMode, countIncludePad);
    }

    public AvgPool2d withCeilMode(boolean ceil) {
        return new AvgPool2d(poolH, poolW, strideH, strideW, padding, ceil, countIncludePad);
    }

    public AvgPool2d withCountIncludePad(boolean include) {
        return new AvgPool2d(poolH, poolW, strideH, strideW, padding, ceilMode, include);
    }

    @Override public String baseName() { return "average_pooling2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        Window2d g = PoolWindow.of(new int[] {1, in[0], in[1], in[2]}, poolH, poolW, strideH, strideW, 1, 1, padding, ceilMode);
        return new int[] {in[0], g.oH(), g.oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.avgPool2d(x[0], poolH, poolW, strideH, strideW, padding, ceilMode, countIncludePad);
    }
}
