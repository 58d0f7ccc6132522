package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;
import dev.beak.ops.Window2d;

import java.util.SplittableRandom;

/**
 * 2-d max pooling; padded positions never win. Shapes: input (N, C, H, W); output (N, C, oH, oW) with
 * {@code oH = floor((H + padTop + padBottom - dilationH*(poolH-1) - 1) / strideH) + 1}, or with ceil
 * instead of floor in ceil mode (PyTorch's {@code ceil_mode}). The stride defaults to the pool size.
 */
public record MaxPool2d(int poolH, int poolW, int strideH, int strideW, int dilationH, int dilationW,
                        Padding padding, boolean ceilMode) implements LayerSpec {
    public MaxPool2d {
        new Window2d(1, 1, poolH, poolW, poolH, poolW, strideH, strideW, dilationH, dilationW, 0, 0, 0, 0);
    }

    public MaxPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding) {
        this(poolH, poolW, strideH, strideW, 1, 1, padding, false);
    }

    public MaxPool2d withStride(int s) {
        return new MaxPool2d(poolH, poolW, s, s, dilationH, dilationW, padding, ceilMode);
    }

    public MaxPool2d withPadding(Padding p) {
        return new MaxPool2d(poolH, poolW, strideH, strideW, dilationH, dilationW, p, ceilMode);
    }

    public MaxPool2d withDilation(int d) {
        return new MaxPool2d(poolH, poolW, strideH, strideW, d, d, padding, ceilMode);
    }

    public MaxPool2d withCeilMode(boolean ceil) {
        return new MaxPool2d(poolH, poolW, strideH, strideW, dilationH, dilationW, padding, ceil);
    }

    @Override public String baseName() { return "max_pooling2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        Window2d g = PoolWindow.of(new int[] {1, in[0], in[1], in[2]}, poolH, poolW, strideH, strideW, dilationH, dilationW, padding, ceilMode);
        return new int[] {in[0], g.oH(), g.oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.maxPool2d(x[0], poolH, poolW, strideH, strideW, dilationH, dilationW, padding, ceilMode);
    }
}
